//! The `haven` binary: every capability of Haven behind one command line.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}

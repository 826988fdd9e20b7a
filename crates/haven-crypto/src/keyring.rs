//! The master keyring: versioned master keys in a file the operator keeps apart from backups
//! (`DIR/master.key`, mode 0600). Data keys are wrapped under the newest version; rotation adds
//! a version and re-wraps, while keys wrapped under older versions still open until then.
//!
//! File format, one key per line: `haven-master-key v<version> <base64 of 32 bytes>`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::RwLock;
use std::time::SystemTime;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::aead::sealed_key_version;
use crate::{Aad, CryptoError, DataKey, open, seal};

pub type MasterKeyVersion = u32;

const LINE_PREFIX: &str = "haven-master-key";

pub struct Keyring {
    path: Option<PathBuf>,
    keys: RwLock<Vec<(MasterKeyVersion, DataKey)>>,
    /// When the file was last read, so a rotation by another process is noticed before wrapping.
    loaded: RwLock<Option<SystemTime>>,
}

#[derive(Debug, thiserror::Error)]
pub enum KeyringError {
    #[error("{path}: cannot read the master key file: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: cannot write the master key file: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "{path}: line {line}: not a master key line (expected `{LINE_PREFIX} v<N> <base64 32 bytes>`)"
    )]
    Format { path: String, line: usize },
    #[error("{path}: the file holds no master key")]
    Empty { path: String },
    #[error(
        "{path}: the master key file is readable by others (mode {mode:o}); run `chmod 600 {path}`"
    )]
    Permissions { path: String, mode: u32 },
    #[error(transparent)]
    Crypto(#[from] CryptoError),
}

impl Keyring {
    /// Opens the keyring file, creating it with one fresh key (mode 0600) when it does not exist.
    pub fn open_or_create(path: &Path) -> Result<Keyring, KeyringError> {
        if !path.exists() {
            write_file(path, &[(1, DataKey::generate())])?;
        }
        Keyring::open(path)
    }

    /// Opens an existing keyring file; refuses one that others can read.
    pub fn open(path: &Path) -> Result<Keyring, KeyringError> {
        let loaded = modified(path);
        let keys = read_file(path)?;
        Ok(Keyring {
            path: Some(path.to_path_buf()),
            keys: RwLock::new(keys),
            loaded: RwLock::new(loaded),
        })
    }

    /// A keyring held in memory only (tests, and restoring an export before writing it).
    pub fn in_memory(keys: Vec<(MasterKeyVersion, DataKey)>) -> Keyring {
        Keyring {
            path: None,
            keys: RwLock::new(keys),
            loaded: RwLock::new(None),
        }
    }

    pub fn current_version(&self) -> MasterKeyVersion {
        self.keys
            .read()
            .expect("keyring lock")
            .iter()
            .map(|(v, _)| *v)
            .max()
            .unwrap_or(0)
    }

    /// Wraps a data key under the newest master key, bound to what it protects. Re-reads the
    /// file first if another process changed it (a rotation), so new keys use the new version.
    pub fn wrap_key(&self, key: &DataKey, aad: &Aad) -> Result<Vec<u8>, KeyringError> {
        if let Some(path) = &self.path
            && modified(path) != *self.loaded.read().expect("keyring lock")
        {
            self.reload()?;
        }
        let keys = self.keys.read().expect("keyring lock");
        let (version, master) = keys
            .iter()
            .max_by_key(|(v, _)| *v)
            .expect("a keyring holds a key");
        Ok(seal(master, *version, key.as_bytes(), aad))
    }

    /// Unwraps a data key. A version this process does not know yet (another process rotated
    /// the keys) makes it re-read the file once.
    pub fn unwrap_key(&self, wrapped: &[u8], aad: &Aad) -> Result<DataKey, KeyringError> {
        let version = sealed_key_version(wrapped)?;
        if !self.has_version(version) {
            self.reload()?;
        }
        let keys = self.keys.read().expect("keyring lock");
        let master = keys
            .iter()
            .find(|(v, _)| *v == version)
            .map(|(_, k)| k)
            .ok_or(CryptoError::UnknownKeyVersion(version))?;
        let bytes = open(master, wrapped, aad)?;
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| CryptoError::Malformed)?;
        Ok(DataKey::from_bytes(bytes))
    }

    /// Whether a wrapped key was wrapped under the newest master key.
    pub fn is_current(&self, wrapped: &[u8]) -> bool {
        sealed_key_version(wrapped).is_ok_and(|v| v == self.current_version())
    }

    /// Adds a new master key version (written to the file first, so a crash leaves both).
    pub fn add_version(&self) -> Result<MasterKeyVersion, KeyringError> {
        let mut keys = self.keys.write().expect("keyring lock");
        let version = keys.iter().map(|(v, _)| *v).max().unwrap_or(0) + 1;
        keys.push((version, DataKey::generate()));
        if let Some(path) = &self.path {
            write_file(path, &keys)?;
            *self.loaded.write().expect("keyring lock") = modified(path);
        }
        Ok(version)
    }

    /// Drops every master key older than `keep_from` (after everything was re-wrapped).
    pub fn retire_before(&self, keep_from: MasterKeyVersion) -> Result<(), KeyringError> {
        let mut keys = self.keys.write().expect("keyring lock");
        keys.retain(|(v, _)| *v >= keep_from);
        if let Some(path) = &self.path {
            write_file(path, &keys)?;
            *self.loaded.write().expect("keyring lock") = modified(path);
        }
        Ok(())
    }

    /// The keyring's text, for an encrypted export of the key store.
    pub fn to_text(&self) -> String {
        render(&self.keys.read().expect("keyring lock"))
    }

    pub fn from_text(text: &str) -> Result<Keyring, KeyringError> {
        Ok(Keyring::in_memory(parse(text, "(export)")?))
    }

    /// Writes this keyring to a new file (mode 0600).
    pub fn write_to(&self, path: &Path) -> Result<(), KeyringError> {
        write_file(path, &self.keys.read().expect("keyring lock"))
    }

    fn has_version(&self, version: MasterKeyVersion) -> bool {
        self.keys
            .read()
            .expect("keyring lock")
            .iter()
            .any(|(v, _)| *v == version)
    }

    fn reload(&self) -> Result<(), KeyringError> {
        if let Some(path) = &self.path {
            let loaded = modified(path);
            *self.keys.write().expect("keyring lock") = read_file(path)?;
            *self.loaded.write().expect("keyring lock") = loaded;
        }
        Ok(())
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn read_file(path: &Path) -> Result<Vec<(MasterKeyVersion, DataKey)>, KeyringError> {
    let name = path.display().to_string();
    let metadata = std::fs::metadata(path).map_err(|source| KeyringError::Read {
        path: name.clone(),
        source,
    })?;
    let mode = std::os::unix::fs::PermissionsExt::mode(&metadata.permissions()) & 0o777;
    if mode & 0o077 != 0 {
        return Err(KeyringError::Permissions { path: name, mode });
    }
    let text = std::fs::read_to_string(path).map_err(|source| KeyringError::Read {
        path: name.clone(),
        source,
    })?;
    parse(&text, &name)
}

fn parse(text: &str, name: &str) -> Result<Vec<(MasterKeyVersion, DataKey)>, KeyringError> {
    let mut keys = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let format = || KeyringError::Format {
            path: name.to_string(),
            line: i + 1,
        };
        let mut parts = line.split_whitespace();
        if parts.next() != Some(LINE_PREFIX) {
            return Err(format());
        }
        let version: u32 = parts
            .next()
            .and_then(|v| v.strip_prefix('v'))
            .and_then(|v| v.parse().ok())
            .ok_or_else(format)?;
        let bytes = parts
            .next()
            .and_then(|b| STANDARD.decode(b).ok())
            .ok_or_else(format)?;
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| format())?;
        keys.push((version, DataKey::from_bytes(bytes)));
    }
    if keys.is_empty() {
        return Err(KeyringError::Empty {
            path: name.to_string(),
        });
    }
    Ok(keys)
}

fn render(keys: &[(MasterKeyVersion, DataKey)]) -> String {
    let mut text =
        String::from("# Haven master keys. Keep this file apart from database backups.\n");
    for (version, key) in keys {
        text.push_str(&format!(
            "{LINE_PREFIX} v{version} {}\n",
            STANDARD.encode(key.as_bytes())
        ));
    }
    text
}

/// Writes through a temporary file and a rename, so a crash never leaves a half-written keyring.
fn write_file(path: &Path, keys: &[(MasterKeyVersion, DataKey)]) -> Result<(), KeyringError> {
    use std::os::unix::fs::OpenOptionsExt;
    let error = |source| KeyringError::Write {
        path: path.display().to_string(),
        source,
    };
    let tmp = path.with_extension("key.tmp");
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(error)?;
    file.write_all(render(keys).as_bytes()).map_err(error)?;
    file.sync_all().map_err(error)?;
    std::fs::rename(&tmp, path).map_err(error)
}

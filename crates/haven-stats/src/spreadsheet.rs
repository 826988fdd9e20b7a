//! Exports of released tables: CSV, HXL-tagged CSV, JSON, XLSX and an SVG bar chart.
//!
//! Every text cell of every export goes through [`neutralise`]: a value starting with `=`, `+`,
//! `-`, `@`, a tab or a carriage return is taken for a formula by spreadsheet programs
//! (CSV injection), so it gets a leading apostrophe. Numbers are written as numbers.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{Seek, Write};

use serde_json::{Map, Value};
use thiserror::Error;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::release::{PostProcessing, Release, ReleasePolicy, ReleasedCount};

/// The characters that make a spreadsheet program read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// What a withheld count is shown as.
pub const SUPPRESSED: &str = "suppressed";

/// A sheet: a name, a header row and rows of cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
}

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("a sheet name must be 1 to 31 characters, none of []:*?/\\, and unique: `{0}`")]
    BadSheetName(String),
    #[error("a chart shows a table of one or two dimensions, not {0}")]
    ChartDimensions(usize),
    #[error(
        "an HXL file needs one hashtag (or none) for each of its {columns} columns, not {tags}"
    )]
    HxlTagCount { columns: usize, tags: usize },
    #[error("`{0}` is not an HXL hashtag (#tag+attribute…, lowercase letters, digits and _)")]
    BadHxlTag(String),
    #[error(transparent)]
    Csv(#[from] csv::Error),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Zip(#[from] zip::result::ZipError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// A cell's text made safe for spreadsheet programs: a leading apostrophe when it would start a
/// formula.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A release as two sheets: the counts (one column per dimension, "Total" on margins, then the
/// count or "suppressed"), and notes saying how the counts were protected.
pub fn release_sheets(release: &Release, name: &str) -> [Sheet; 2] {
    let table = &release.table;
    let mut header: Vec<String> = table
        .dimensions()
        .iter()
        .map(|d| d.name().to_owned())
        .collect();
    header.push("count".to_owned());
    let rows = table
        .entries()
        .map(|(position, count)| {
            let mut row: Vec<Cell> = table
                .labels(&position)
                .into_iter()
                .map(|l| Cell::Text(l.to_owned()))
                .collect();
            row.push(match count {
                ReleasedCount::Published(c) => Cell::Number(c as f64),
                ReleasedCount::Suppressed => Cell::Text(SUPPRESSED.to_owned()),
            });
            row
        })
        .collect();
    let notes = Sheet {
        name: format!("{name} notes"),
        header: vec!["note".to_owned()],
        rows: release_notes(release)
            .into_iter()
            .map(|n| vec![Cell::Text(n)])
            .collect(),
    };
    [
        Sheet {
            name: name.to_owned(),
            header,
            rows,
        },
        notes,
    ]
}

/// How a release was protected, in words, for its readers.
pub fn release_notes(release: &Release) -> Vec<String> {
    let mut notes = vec![match release.policy {
        ReleasePolicy::Suppress { min_cell, .. } => format!(
            "Counts from 1 to {} are suppressed, and further counts so that none of them can be \
             worked out from the others.",
            min_cell.saturating_sub(1)
        ),
        ReleasePolicy::DifferentialPrivacy { epsilon } => format!(
            "Counts include random noise (two-sided geometric, ε = {epsilon}): \
             differential privacy."
        ),
    }];
    notes.extend(release.post_processing.iter().map(|p| match p {
        PostProcessing::RoundedToBase(base) => format!(
            "Counts are rounded to the nearest multiple of {base}; totals are rounded \
             separately, so they need not add up."
        ),
        PostProcessing::NegativeNoisyCountsSetToZero => {
            "Noisy counts below zero are shown as zero.".to_owned()
        }
        PostProcessing::MarginsSummedFromNoisyCells => {
            "Totals are the sums of the noisy counts.".to_owned()
        }
    }));
    notes
}

/// Writes a sheet as CSV (header first).
pub fn write_csv<W: Write>(sheet: &Sheet, out: W) -> Result<(), ExportError> {
    write_csv_with(sheet, None, out)
}

/// The CSV writer of [`write_csv`] and [`write_hxl`]: the header, the tag row if any, the rows.
fn write_csv_with<W: Write>(
    sheet: &Sheet,
    tags: Option<&[&str]>,
    out: W,
) -> Result<(), ExportError> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(sheet.header.iter().map(|h| neutralise(h).into_owned()))?;
    if let Some(tags) = tags {
        writer.write_record(tags.iter().map(|t| neutralise(t).into_owned()))?;
    }
    for row in &sheet.rows {
        writer.write_record(row.iter().map(|c| match c {
            Cell::Text(t) => neutralise(t).into_owned(),
            Cell::Number(n) => n.to_string(),
        }))?;
    }
    writer.flush()?;
    Ok(())
}

/// Writes a sheet as CSV tagged with the Humanitarian Exchange Language (HXL 1.1): the header,
/// then the row of HXL hashtags (one per column; an empty one leaves its column untagged), then
/// the rows. Every cell is neutralised as in [`write_csv`]; a hashtag starts with `#`, which no
/// spreadsheet program takes for a formula.
pub fn write_hxl<W: Write>(sheet: &Sheet, tags: &[&str], out: W) -> Result<(), ExportError> {
    if tags.len() != sheet.header.len() {
        return Err(ExportError::HxlTagCount {
            columns: sheet.header.len(),
            tags: tags.len(),
        });
    }
    if let Some(bad) = tags.iter().find(|t| !t.is_empty() && !is_hxl_hashtag(t)) {
        return Err(ExportError::BadHxlTag((*bad).to_owned()));
    }
    write_csv_with(sheet, Some(tags), out)
}

/// Whether `spec` is an HXL hashtag with its attributes as Haven writes them: `#` and a name,
/// then any number of `+` and an attribute, each name a lowercase letter followed by lowercase
/// letters, digits or `_`, with no spaces (HXL allows spaces and capitals; Haven writes neither).
pub fn is_hxl_hashtag(spec: &str) -> bool {
    let name = |n: &str| {
        let mut chars = n.chars();
        chars.next().is_some_and(|c| c.is_ascii_lowercase())
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    match spec.strip_prefix('#') {
        Some(rest) => {
            let mut parts = rest.split('+');
            parts.next().is_some_and(name) && parts.all(name)
        }
        None => false,
    }
}

/// Writes sheets as JSON: an object per sheet name, each an array of objects keyed by the
/// header.
pub fn write_json<W: Write>(sheets: &[Sheet], out: W) -> Result<(), ExportError> {
    let mut document = Map::new();
    for sheet in sheets {
        let rows = sheet
            .rows
            .iter()
            .map(|row| {
                let object: Map<String, Value> = sheet
                    .header
                    .iter()
                    .zip(row)
                    .map(|(h, c)| {
                        let value = match c {
                            Cell::Text(t) => Value::String(neutralise(t).into_owned()),
                            Cell::Number(n) => {
                                serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number)
                            }
                        };
                        (neutralise(h).into_owned(), value)
                    })
                    .collect();
                Value::Object(object)
            })
            .collect();
        document.insert(neutralise(&sheet.name).into_owned(), Value::Array(rows));
    }
    serde_json::to_writer_pretty(out, &Value::Object(document))?;
    Ok(())
}

/// Writes sheets as an XLSX workbook (Office Open XML, SpreadsheetML): text as inline strings,
/// numbers as numbers.
pub fn write_xlsx<W: Write + Seek>(sheets: &[Sheet], out: W) -> Result<W, ExportError> {
    for (i, sheet) in sheets.iter().enumerate() {
        let name = &sheet.name;
        let bad = name.is_empty()
            || name.chars().count() > 31
            || name.contains(['[', ']', ':', '*', '?', '/', '\\'])
            || sheets[..i]
                .iter()
                .any(|s| s.name.to_lowercase() == name.to_lowercase());
        if bad {
            return Err(ExportError::BadSheetName(name.clone()));
        }
    }
    let mut zip = ZipWriter::new(out);
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let mut add = |path: &str, content: String| -> Result<(), ExportError> {
        zip.start_file(path, options)?;
        zip.write_all(content.as_bytes())?;
        Ok(())
    };
    add("[Content_Types].xml", content_types(sheets.len()))?;
    add(
        "_rels/.rels",
        format!(
            "{XML_DECLARATION}<Relationships xmlns=\"{PACKAGE_RELATIONSHIPS}\">\
             <Relationship Id=\"rId1\" Type=\"{OFFICE_DOCUMENT}\" Target=\"xl/workbook.xml\"/>\
             </Relationships>"
        ),
    )?;
    add("xl/workbook.xml", workbook(sheets))?;
    add(
        "xl/_rels/workbook.xml.rels",
        workbook_relationships(sheets.len()),
    )?;
    for (i, sheet) in sheets.iter().enumerate() {
        add(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            worksheet(sheet),
        )?;
    }
    Ok(zip.finish()?)
}

/// A bar chart of a one- or two-dimensional release, as a standalone accessible SVG: a title and
/// a description giving every number, text labels, no script. Withheld counts have no bar and
/// say so. Margins are not drawn.
pub fn bar_chart_svg(release: &Release, title: &str) -> Result<String, ExportError> {
    let words = ChartWords {
        category: &|_, category| category.to_owned(),
        suppressed: SUPPRESSED.to_owned(),
        notes: release_notes(release),
    };
    bar_chart_svg_in(release, title, &words)
}

/// The words of a chart in its reader's language: each category as `category(dimension,
/// category)` says, the word for a withheld count, and the notes on how counts are protected.
pub struct ChartWords<'a> {
    pub category: &'a dyn Fn(&str, &str) -> String,
    pub suppressed: String,
    pub notes: Vec<String>,
}

/// [`bar_chart_svg`] in the reader's words: a page draws the chart in its own language.
pub fn bar_chart_svg_in(
    release: &Release,
    title: &str,
    words: &ChartWords<'_>,
) -> Result<String, ExportError> {
    let label = words.category;
    let table = &release.table;
    let dimensions = table.dimensions();
    let labels = |d: &crate::table::Dimension| -> Vec<String> {
        d.categories().iter().map(|c| label(d.name(), c)).collect()
    };
    let (groups, series): (Vec<String>, Vec<String>) = match dimensions {
        [one] => (labels(one), vec![String::new()]),
        [one, two] => (labels(one), labels(two)),
        _ => return Err(ExportError::ChartDimensions(dimensions.len())),
    };
    let count = |g: usize, s: usize| {
        let position: Vec<Option<usize>> = if dimensions.len() == 1 {
            vec![Some(g)]
        } else {
            vec![Some(g), Some(s)]
        };
        table.get(&position).unwrap_or(ReleasedCount::Suppressed)
    };
    let largest = (0..groups.len())
        .flat_map(|g| (0..series.len()).map(move |s| (g, s)))
        .filter_map(|(g, s)| count(g, s).published())
        .max()
        .unwrap_or(0)
        .max(1);

    let (width, height) = (720.0, 420.0);
    let (left, right, top, bottom) = (60.0, 20.0, 50.0, 110.0);
    let plot_width = width - left - right;
    let plot_height = height - top - bottom;
    let group_width = plot_width / groups.len() as f64;
    let bar_width = group_width * 0.8 / series.len() as f64;

    let mut description = String::new();
    for (g, group) in groups.iter().enumerate() {
        for (s, name) in series.iter().enumerate() {
            let label = if name.is_empty() {
                group.clone()
            } else {
                format!("{group}, {name}")
            };
            let value = match count(g, s) {
                ReleasedCount::Published(c) => c.to_string(),
                ReleasedCount::Suppressed => words.suppressed.clone(),
            };
            let _ = write!(description, "{label}: {value}. ");
        }
    }
    for note in &words.notes {
        description.push_str(note);
        description.push(' ');
    }

    let id = chart_id(title);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title \
         {id}-description\" font-family=\"sans-serif\" font-size=\"12\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-description\">{}</desc>\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\
         <text x=\"{left}\" y=\"28\" font-size=\"16\" fill=\"#000000\">{}</text>",
        xml_escape(title),
        xml_escape(description.trim_end()),
        xml_escape(title),
    );
    let axis_y = top + plot_height;
    let _ = write!(
        svg,
        "<line x1=\"{left}\" y1=\"{axis_y}\" x2=\"{}\" y2=\"{axis_y}\" stroke=\"#000000\"/>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#000000\">0</text>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#000000\">{largest}</text>",
        width - right,
        left - 6.0,
        axis_y,
        left - 6.0,
        top + 4.0,
    );
    for (g, group) in groups.iter().enumerate() {
        let group_x = left + g as f64 * group_width + group_width * 0.1;
        for s in 0..series.len() {
            let x = group_x + s as f64 * bar_width;
            let centre = x + bar_width / 2.0;
            match count(g, s) {
                ReleasedCount::Published(c) => {
                    let h = plot_height * c as f64 / largest as f64;
                    let _ = write!(
                        svg,
                        "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\" \
                         fill=\"{}\"/><text x=\"{centre:.1}\" y=\"{:.1}\" \
                         text-anchor=\"middle\" fill=\"#000000\">{c}</text>",
                        axis_y - h,
                        bar_width * 0.9,
                        PALETTE[s % PALETTE.len()],
                        axis_y - h - 4.0,
                    );
                }
                ReleasedCount::Suppressed => {
                    let _ = write!(
                        svg,
                        "<text x=\"{centre:.1}\" y=\"{:.1}\" text-anchor=\"middle\" \
                         fill=\"#000000\" font-size=\"10\">{}</text>",
                        axis_y - 4.0,
                        xml_escape(&words.suppressed),
                    );
                }
            }
        }
        // Many categories, or long names, are written slanted and cut short; the description
        // gives each in full.
        let x = left + (g as f64 + 0.5) * group_width;
        let y = axis_y + 18.0;
        if groups.len() > 4 {
            let _ = write!(
                svg,
                "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"end\" fill=\"#000000\" \
                 transform=\"rotate(-35 {x:.1} {y:.1})\">{}</text>",
                xml_escape(&shortened(group, 20)),
            );
        } else {
            let _ = write!(
                svg,
                "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"middle\" fill=\"#000000\">{}</text>",
                xml_escape(&shortened(group, 28)),
            );
        }
    }
    if series.len() > 1 {
        for (s, name) in series.iter().enumerate() {
            let y = axis_y + 44.0 + s as f64 * 16.0;
            let _ = write!(
                svg,
                "<rect x=\"{left}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{}\"/>\
                 <text x=\"{}\" y=\"{y:.1}\" fill=\"#000000\">{}</text>",
                y - 10.0,
                PALETTE[s % PALETTE.len()],
                left + 18.0,
                xml_escape(name),
            );
        }
    }
    svg.push_str("</svg>");
    Ok(svg)
}

/// `text` cut to `most` characters, with an ellipsis when cut.
fn shortened(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(most - 1).collect();
        cut.push('…');
        cut
    }
}

/// Ids for a chart's title and description, unique among the charts of one page (each has its
/// own title): FNV-1a of the title.
fn chart_id(title: &str) -> String {
    let hash = title.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("chart-{hash:016x}")
}

/// Colours distinguishable with the common colour-vision deficiencies (Okabe and Ito).
const PALETTE: [&str; 7] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000",
];

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const PACKAGE_RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_DOCUMENT: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const WORKSHEET: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const SPREADSHEET: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const DOCUMENT_RELATIONSHIPS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn content_types(sheets: usize) -> String {
    let mut xml = format!(
        "{XML_DECLARATION}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    );
    for i in 1..=sheets {
        let _ = write!(
            xml,
            "<Override PartName=\"/xl/worksheets/sheet{i}.xml\" \
             ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        );
    }
    xml.push_str("</Types>");
    xml
}

fn workbook(sheets: &[Sheet]) -> String {
    let mut xml = format!(
        "{XML_DECLARATION}<workbook xmlns=\"{SPREADSHEET}\" xmlns:r=\"{DOCUMENT_RELATIONSHIPS}\"><sheets>"
    );
    for (i, sheet) in sheets.iter().enumerate() {
        let _ = write!(
            xml,
            "<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
            xml_escape(&sheet.name),
            i + 1,
            i + 1
        );
    }
    xml.push_str("</sheets></workbook>");
    xml
}

fn workbook_relationships(sheets: usize) -> String {
    let mut xml = format!("{XML_DECLARATION}<Relationships xmlns=\"{PACKAGE_RELATIONSHIPS}\">");
    for i in 1..=sheets {
        let _ = write!(
            xml,
            "<Relationship Id=\"rId{i}\" Type=\"{WORKSHEET}\" Target=\"worksheets/sheet{i}.xml\"/>"
        );
    }
    xml.push_str("</Relationships>");
    xml
}

fn worksheet(sheet: &Sheet) -> String {
    let mut xml = format!("{XML_DECLARATION}<worksheet xmlns=\"{SPREADSHEET}\"><sheetData>");
    let header = sheet.header.iter().map(|h| Cell::Text(h.clone())).collect();
    for (r, row) in std::iter::once(&header).chain(&sheet.rows).enumerate() {
        let _ = write!(xml, "<row r=\"{}\">", r + 1);
        for (c, cell) in row.iter().enumerate() {
            let reference = format!("{}{}", column_name(c), r + 1);
            match cell {
                Cell::Number(n) if n.is_finite() => {
                    let _ = write!(xml, "<c r=\"{reference}\"><v>{n}</v></c>");
                }
                Cell::Number(_) => {
                    let _ = write!(xml, "<c r=\"{reference}\"/>");
                }
                Cell::Text(t) => {
                    let _ = write!(
                        xml,
                        "<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                        xml_escape(&neutralise(t))
                    );
                }
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

/// A, B, …, Z, AA, AB, …
fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Text escaped for XML, without the characters XML 1.0 does not allow.
fn xml_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hxl_hashtags() {
        for good in [
            "#date+year",
            "#indicator+value+num",
            "#country+code+v_iso2",
            "#meta",
        ] {
            assert!(is_hxl_hashtag(good), "{good}");
        }
        for bad in [
            "",
            "#",
            "date",
            "#Date",
            "#date+",
            "#date++year",
            "#date +year",
            "#1x",
            "#a+_b",
        ] {
            assert!(!is_hxl_hashtag(bad), "{bad}");
        }
    }

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }
}

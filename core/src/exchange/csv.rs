//! CSV for spreadsheets: UTF-8 with a byte-order mark so Excel reads the accents and curly quotes
//! correctly, every cell quoted when it must be, and any cell a spreadsheet would take for a
//! formula (starting `=`, `+`, `-`, `@`, tab or carriage return) made safe with a leading `'`.

/// The byte-order mark Excel needs to read a CSV file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// One cell as CSV: formulas defused, quoted when it holds a comma, quote or line break. A plain
/// number ("-2", "+3.5") is left as a number: it cannot run anything.
pub fn cell(text: &str) -> String {
    let number = text.parse::<f64>().is_ok_and(f64::is_finite);
    let safe = if !number && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// A whole CSV document: the byte-order mark, a header row, then the rows, lines ended CRLF.
pub fn document(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from(BOM);
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    out.push_str(&line(headers.iter().map(|h| cell(h)).collect()));
    for row in rows {
        out.push_str(&line(row.iter().map(|c| cell(c)).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_quoting_is_done_once() {
        assert_eq!(cell("=SUM(A1:A9)"), "'=SUM(A1:A9)");
        assert_eq!(cell("+44 20 7946 0000"), "'+44 20 7946 0000");
        assert_eq!(cell("-2"), "-2", "a number stays a number");
        assert_eq!(cell("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
        assert_eq!(cell("@cmd"), "'@cmd");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "\"'\rx\"");
        assert_eq!(cell("Said \"no\", twice"), "\"Said \"\"no\"\", twice\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("Children’s social care"), "Children’s social care");
        assert_eq!(cell("12"), "12");
    }

    #[test]
    fn a_document_starts_with_the_byte_order_mark() {
        let text = document(&["Reference", "Summary"], &[vec!["C-2026-0001".into(), "=1+1".into()]]);
        assert_eq!(text, "\u{feff}Reference,Summary\r\nC-2026-0001,'=1+1\r\n");
    }
}

//! A report table: a caption, column headings and rows of figures already in words, with the
//! numbers kept beside them for a chart. The same table is drawn, charted and saved as CSV.

use crate::exchange::csv;

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// For element ids and file names: "records-by-kind".
    pub id: String,
    pub caption: String,
    pub headers: Vec<String>,
    /// Each row: its label, then one cell per further header.
    pub rows: Vec<Vec<String>>,
    /// A note under the table ("Percentages are rounded…").
    pub note: Option<String>,
    /// The figure to chart for each row (the first column of numbers), when a chart helps.
    pub chart: Option<Vec<f64>>,
}

impl Table {
    pub fn new(id: &str, caption: &str, headers: &[&str]) -> Self {
        Table {
            id: id.into(),
            caption: caption.into(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            note: None,
            chart: None,
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Charts the given column (counted from the label, 0) as numbers.
    pub fn with_chart(mut self, column: usize) -> Self {
        self.chart = Some(
            self.rows
                .iter()
                .map(|row| {
                    row.get(column)
                        .and_then(|c| c.trim_end_matches('%').parse().ok())
                        .unwrap_or(0.0)
                })
                .collect(),
        );
        self
    }

    pub fn with_note(mut self, note: &str) -> Self {
        self.note = Some(note.into());
        self
    }

    pub fn to_csv(&self) -> String {
        let headers: Vec<&str> = self.headers.iter().map(String::as_str).collect();
        csv::document(&headers, &self.rows)
    }
}

/// A share as a whole percentage, rounded half up; "–" when there is nothing to share.
pub fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "–".into()
    } else {
        // In u128, so no count can overflow the rounding.
        let wide = |n: usize| u128::try_from(n).unwrap_or(u128::MAX);
        let (part, whole) = (wide(part), wide(whole));
        format!(
            "{}%",
            part.saturating_mul(200).saturating_add(whole) / whole.saturating_mul(2)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_half_up_and_need_not_add_to_100() {
        assert_eq!(percent(1, 3), "33%");
        assert_eq!(percent(2, 3), "67%");
        assert_eq!(percent(1, 8), "13%", "12.5 rounds up");
        assert_eq!(percent(0, 0), "–");
        let thirds: u32 = [percent(1, 3), percent(1, 3), percent(1, 3)]
            .iter()
            .map(|p| p.trim_end_matches('%').parse::<u32>().unwrap())
            .sum();
        assert_eq!(thirds, 99);
    }
}

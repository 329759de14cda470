//! A report table: a caption, column headings and rows of typed cells (counts, shares, sums of
//! money, averages), each of which gives the words shown and, for a chart, its number. A row says
//! whether it is a total, so a chart can leave it out without reading its label. The same table
//! is drawn, charted and saved as CSV.

use crate::exchange::csv;
use crate::record::casework::pounds;

/// One figure in a table, kept as what it is; `words` says it as the table shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Words, such as a row's label.
    Text(String),
    /// A number of records, stages or remedies: "12".
    Count(usize),
    /// A share as a whole percentage: "33%"; "–" when there is nothing to share.
    Percent { part: usize, whole: usize },
    /// A share with its counts: "80% (4 of 5)"; "–" when there is nothing to share.
    Share { part: usize, whole: usize },
    /// An amount in pence: "£1,234.00".
    Money(i64),
    /// An average number of days to one decimal place: "12.5"; "–" when there was nothing to
    /// average.
    Average(Option<f64>),
    /// Nothing to say: an empty cell (a remedy with no amount).
    Blank,
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.into())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

/// A share as a whole percentage rounded half up, or `None` when there is nothing to share.
fn whole_percent(part: usize, whole: usize) -> Option<u128> {
    if whole == 0 {
        return None;
    }
    // In u128, so no count can overflow the rounding.
    let wide = |n: usize| u128::try_from(n).unwrap_or(u128::MAX);
    let (part, whole) = (wide(part), wide(whole));
    Some(part.saturating_mul(200).saturating_add(whole) / whole.saturating_mul(2))
}

impl Cell {
    /// The words the table shows, and the CSV holds.
    pub fn words(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Percent { part, whole } => percent(*part, *whole),
            Cell::Share { part, whole } => match whole_percent(*part, *whole) {
                Some(p) => format!("{p}% ({part} of {whole})"),
                None => "–".into(),
            },
            Cell::Money(pence) => pounds(*pence),
            Cell::Average(Some(days)) => format!("{days:.1}"),
            Cell::Average(None) => "–".into(),
            Cell::Blank => String::new(),
        }
    }

    /// The figure as a number, for a chart: a count, a whole percentage as shown, pounds, or
    /// days; `None` for words, a blank and a share or average of nothing.
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Text(_) | Cell::Blank | Cell::Average(None) => None,
            Cell::Count(n) => Some(*n as f64),
            Cell::Percent { part, whole } | Cell::Share { part, whole } => {
                whole_percent(*part, *whole).map(|p| p as f64)
            }
            Cell::Money(pence) => Some(*pence as f64 / 100.0),
            Cell::Average(Some(days)) => Some(*days),
        }
    }
}

/// One row: its label first, then one cell per further header.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// A total of the rows above it, which a chart leaves out (it would dwarf the rest).
    pub total: bool,
}

impl Row {
    /// The row's label: the words of its first cell.
    pub fn label(&self) -> String {
        self.cells.first().map(Cell::words).unwrap_or_default()
    }

    /// Every cell's words, label first.
    pub fn words(&self) -> Vec<String> {
        self.cells.iter().map(Cell::words).collect()
    }
}

/// A bar of a report's chart: a row's label and its figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// For element ids and file names: "records-by-kind".
    pub id: String,
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// A note under the table ("Percentages are rounded…").
    pub note: Option<String>,
    /// The column to chart (counted from the label, 0), when a chart helps.
    pub chart: Option<usize>,
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

    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(Row { cells, total: false });
    }

    /// A total row, left out of the chart.
    pub fn total(&mut self, cells: Vec<Cell>) {
        self.rows.push(Row { cells, total: true });
    }

    /// Charts the given column (counted from the label, 0).
    pub fn with_chart(mut self, column: usize) -> Self {
        self.chart = Some(column);
        self
    }

    pub fn with_note(mut self, note: &str) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The chart's bars: each row but a total, with the charted column's number (0 where it has
    /// none). `None` when the table has no chart.
    pub fn bars(&self) -> Option<Vec<Bar>> {
        let column = self.chart?;
        Some(
            self.rows
                .iter()
                .filter(|row| !row.total)
                .map(|row| Bar {
                    label: row.label(),
                    value: row.cells.get(column).and_then(Cell::number).unwrap_or(0.0),
                })
                .collect(),
        )
    }

    pub fn to_csv(&self) -> String {
        let headers: Vec<&str> = self.headers.iter().map(String::as_str).collect();
        let rows: Vec<Vec<String>> = self.rows.iter().map(Row::words).collect();
        csv::document(&headers, &rows)
    }
}

/// A share as a whole percentage, rounded half up; "–" when there is nothing to share.
pub fn percent(part: usize, whole: usize) -> String {
    match whole_percent(part, whole) {
        Some(p) => format!("{p}%"),
        None => "–".into(),
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
        let third = Cell::Percent { part: 1, whole: 3 };
        assert_eq!(third.number(), Some(33.0));
        let thirds: f64 = [&third, &third, &third].iter().filter_map(|c| c.number()).sum();
        assert_eq!(thirds, 99.0);
    }

    #[test]
    fn each_cell_says_its_figure_as_before_and_gives_its_number() {
        let cases = [
            (Cell::from("Stage 1"), "Stage 1", None),
            (Cell::Count(12), "12", Some(12.0)),
            (Cell::Percent { part: 1, whole: 8 }, "13%", Some(13.0)),
            (Cell::Percent { part: 0, whole: 0 }, "–", None),
            (Cell::Share { part: 4, whole: 5 }, "80% (4 of 5)", Some(80.0)),
            (Cell::Share { part: 0, whole: 0 }, "–", None),
            (Cell::Money(123_400), "£1,234.00", Some(1234.0)),
            (Cell::Money(0), "£0.00", Some(0.0)),
            (Cell::Average(Some(45.0 / 3.0)), "15.0", Some(15.0)),
            (Cell::Average(Some(32.0 / 3.0)), "10.7", Some(32.0 / 3.0)),
            (Cell::Average(None), "–", None),
            (Cell::Blank, "", None),
        ];
        for (cell, words, number) in cases {
            assert_eq!(cell.words(), words, "{cell:?}");
            assert_eq!(cell.number(), number, "{cell:?}");
        }
        // The largest counts neither overflow nor wrap.
        assert_eq!(percent(usize::MAX, usize::MAX), "100%");
    }

    #[test]
    fn a_chart_leaves_out_the_total_row_whatever_it_is_called() {
        let mut table = Table::new("t", "T", &["Kind", "Number"]);
        table.row(vec!["Total".into(), Cell::Count(2)]);
        table.row(vec!["Other".into(), Cell::Blank]);
        table.total(vec!["All".into(), Cell::Count(5)]);
        assert_eq!(table.bars(), None, "no chart asked for");
        let table = table.with_chart(1);
        let bars = table.bars().unwrap();
        let shown: Vec<(&str, f64)> = bars.iter().map(|b| (b.label.as_str(), b.value)).collect();
        assert_eq!(shown, [("Total", 2.0), ("Other", 0.0)]);
        assert_eq!(table.to_csv(), "\u{feff}Kind,Number\r\nTotal,2\r\nOther,\r\nAll,5\r\n");
        assert_eq!(
            Table::new("e", "E", &["A"]).with_chart(1).bars(),
            Some(Vec::new()),
            "no rows"
        );
    }
}

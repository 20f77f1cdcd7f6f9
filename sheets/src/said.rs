//! What reading a file or writing a workbook has to tell the user, as data: why it was refused
//! ([`SheetError`]) and what was done to read it ([`Note`]), each with where it is (the sheet,
//! the row as Excel numbers it, the column from 0) and never the library's own words. The page
//! writes the sentences, in its language (`dingji::wire::sheet_said`).

use serde::{Deserialize, Serialize};

/// A cell: its row as Excel and a text file number rows (from 1) and its column (from 0, A).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Place {
    pub row: usize,
    pub column: usize,
}

/// How many things of a kind are named: the first ten, and the count of all.
pub const NAMED: usize = 10;

/// Why a file was not read, or a workbook not written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SheetError {
    /// The file is larger than [`crate::MAX_FILE_BYTES`] (sizes in MB).
    FileTooLarge { mb: usize, max_mb: usize },
    /// The workbook inflates past [`crate::MAX_INFLATED`] (sizes in MB).
    InflatedTooLarge { mb: u64, max_mb: u64 },
    /// An old .xls workbook with an opening password.
    Encrypted,
    /// An old .xls workbook.
    OldExcel,
    /// A workbook of chart or macro sheets only.
    NoWorksheets,
    /// Not a workbook that can be read (a damaged zip, or a file named .xlsx that is not one).
    NotAWorkbook,
    /// The workbook has no sheet of that name.
    NoSuchSheet { sheet: String },
    /// The sheet's XML does not read.
    SheetUnreadable { sheet: String },
    /// More rows than [`crate::MAX_ROWS`]: in a sheet, with the first cell past it.
    TooManyRows {
        sheet: Option<String>,
        at: Option<Place>,
    },
    /// More columns than [`crate::MAX_COLS`]: the first cell past it, and in a text file how many
    /// its row has.
    TooManyColumns {
        sheet: Option<String>,
        at: Place,
        found: Option<usize>,
    },
    /// A cell longer than [`crate::MAX_CELL_CHARS`].
    CellTooLong { sheet: Option<String>, at: Place },
    /// Formula cells without a saved result: the first [`NAMED`], and where there are more, the
    /// count in each column, in the order they were met.
    UnsavedFormulas {
        sheet: String,
        cells: Vec<Place>,
        by_column: Vec<(usize, usize)>,
    },
    /// UTF-16 text without a byte-order mark.
    Utf16WithoutBom,
    /// Neither UTF-8 nor GBK/GB18030: the first line each breaks on.
    NeitherUtf8NorGbk { utf8_line: usize, gbk_line: usize },
    /// Not valid text in the encoding (its name) at a line; `chosen`: the user chose it.
    BadBytes {
        encoding: String,
        line: usize,
        chosen: bool,
    },
    /// Bytes that are neither text nor a workbook.
    NotText,
    /// A quote (") without its pair at a line.
    UnmatchedQuote { line: usize },
    /// A line that does not read as CSV.
    NotCsv { line: u64 },
    /// The workbook could not be written.
    NotWritten,
}

/// What was done to read a sheet that the user should know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Note {
    /// Of several sheets, this one was read: it has the most rows with a name and a number.
    ChosenSheet {
        sheet: String,
        rows: usize,
        sheets: usize,
    },
    /// Hidden sheets not read.
    HiddenSheets { sheets: Vec<String> },
    /// Cells that show fewer decimals than they hold, read as they hold: the first [`NAMED`]
    /// (each as shown and as held), and how many in all.
    ShownOtherwise { cells: Vec<Shown>, count: usize },
    /// A cell merged down a column, its text filled into each row it covers.
    MergedFilled {
        from: Place,
        to: Place,
        text: String,
    },
    /// Rows hidden in Excel, read all the same: the first [`NAMED`], and how many in all.
    HiddenRows { rows: Vec<usize>, count: usize },
}

/// A cell shown otherwise than it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shown {
    pub at: Place,
    /// As Excel shows it.
    pub shown: String,
    /// As it holds it (and as it is read).
    pub held: String,
}

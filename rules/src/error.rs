//! The one error type of the crate. Every variant names the field it is about, so that the
//! message a clerk reads says where to look; `Display` gives the Chinese message.

use std::fmt;

use rust_decimal::Decimal;

use crate::text::Lang;

/// What went wrong, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A required number was left empty.
    Empty {
        /// The field, as the user sees it (e.g. `综合评分`).
        field: String,
    },
    /// The text is not a decimal number.
    NotANumber {
        /// The field, as the user sees it.
        field: String,
        /// What was typed.
        text: String,
    },
    /// A number outside the range the field allows.
    OutOfRange {
        /// The field, as the user sees it.
        field: String,
        /// The number given.
        value: Decimal,
        /// The least allowed value.
        min: Decimal,
        /// The greatest allowed value.
        max: Decimal,
    },
    /// Tier thresholds that do not strictly descend from the first tier to the last.
    ThresholdsNotDescending {
        /// The tier whose threshold is not below the one before it.
        tier: String,
        /// Its threshold.
        value: Decimal,
        /// The threshold of the tier before it.
        previous: Decimal,
    },
    /// A tier other than the last has no threshold, or the last one has one.
    ThresholdMissing {
        /// The tier in question.
        tier: String,
    },
    /// A scheme with no tier at all.
    NoTiers,
    /// A rounding to more decimals than the crate supports.
    RoundingDecimals {
        /// The number of decimals asked for.
        decimals: u32,
    },
    /// No preset scheme has this id.
    UnknownScheme {
        /// The id asked for.
        id: String,
    },
    /// A scheme file that could not be read.
    SchemeFile {
        /// Line of the problem, counting from 1.
        line: usize,
        /// Column of the problem, counting from 1.
        column: usize,
        /// What the parser said.
        detail: String,
    },
    /// A scheme file in a format version this build does not know.
    SchemeFormat {
        /// The version found in the file.
        found: u32,
        /// The version this build reads.
        supported: u32,
    },
}

impl Error {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }

    fn zh(&self) -> String {
        match self {
            Error::Empty { field } => format!("「{field}」未填写"),
            Error::NotANumber { field, text } => {
                format!("「{field}」不是数字：“{text}”。请输入如 89.5 的数字")
            }
            Error::OutOfRange {
                field,
                value,
                min,
                max,
            } => {
                format!("「{field}」应在 {min} 到 {max} 之间，现为 {value}")
            }
            Error::ThresholdsNotDescending {
                tier,
                value,
                previous,
            } => format!(
                "等次「{tier}」的分数线 {value} 应低于上一等次的分数线 {previous}（分数线须从高到低排列）"
            ),
            Error::ThresholdMissing { tier } => {
                format!("等次「{tier}」的分数线设置有误：除最低等次外，每个等次都要有分数线")
            }
            Error::NoTiers => "方案中没有任何等次".to_owned(),
            Error::RoundingDecimals { decimals } => {
                format!("保留小数位数应为 0 到 4 位，现为 {decimals} 位")
            }
            Error::UnknownScheme { id } => format!("没有编号为「{id}」的方案"),
            Error::SchemeFile {
                line,
                column,
                detail,
            } => {
                format!("方案文件第 {line} 行第 {column} 列有误：{detail}")
            }
            Error::SchemeFormat { found, supported } => format!(
                "方案文件的格式版本为 {found}，本程序只能读取版本 {supported}，请使用新版本程序"
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Error::Empty { field } => format!("“{field}” is empty"),
            Error::NotANumber { field, text } => {
                format!("“{field}” is not a number: “{text}”. Type a number such as 89.5")
            }
            Error::OutOfRange {
                field,
                value,
                min,
                max,
            } => {
                format!("“{field}” must be between {min} and {max}; it is {value}")
            }
            Error::ThresholdsNotDescending {
                tier,
                value,
                previous,
            } => format!(
                "The threshold {value} of tier “{tier}” must be below {previous}, the threshold of \
                 the tier above it"
            ),
            Error::ThresholdMissing { tier } => format!(
                "Tier “{tier}”: every tier but the lowest needs a threshold, and the lowest none"
            ),
            Error::NoTiers => "The scheme has no tier".to_owned(),
            Error::RoundingDecimals { decimals } => {
                format!("Rounding keeps 0 to 4 decimals, not {decimals}")
            }
            Error::UnknownScheme { id } => format!("No scheme has the id “{id}”"),
            Error::SchemeFile {
                line,
                column,
                detail,
            } => {
                format!("Scheme file, line {line}, column {column}: {detail}")
            }
            Error::SchemeFormat { found, supported } => format!(
                "The scheme file has format version {found}; this program reads version {supported}"
            ),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.zh())
    }
}

impl std::error::Error for Error {}

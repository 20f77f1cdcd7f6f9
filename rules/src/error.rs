//! The one error type of the crate. Every variant names what it is about (the field, the source,
//! the organization and its row), so that the message a clerk reads says where to look.
//! `Display` gives the Chinese message.

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
    /// The text is not a whole number of at least 0 (a ballot count).
    NotACount {
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
    /// A negative number where only 0 and above make sense (a deduction).
    Negative {
        /// The field, as the user sees it.
        field: String,
        /// The number given.
        value: Decimal,
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
    /// A scheme with no category.
    NoCategories,
    /// A scheme with no score source.
    NoSources,
    /// Source weights that do not sum to 100%.
    WeightsSum {
        /// Their sum.
        sum: Decimal,
    },
    /// Indicator maxima (bonus items aside) that do not sum to 100.
    IndicatorSum {
        /// The category whose set it is.
        category: String,
        /// Their sum.
        sum: Decimal,
    },
    /// Two items of the same kind with the same id.
    DuplicateId {
        /// The kind of item (分类, 评价主体, 指标, …).
        what: String,
        /// The id.
        id: String,
    },
    /// A vote scale without any valid level.
    NoVoteLevels {
        /// The vote source.
        source: String,
    },
    /// A number of satisfied levels that the scale does not have.
    SatisfiedLevels {
        /// The vote source.
        source: String,
        /// The number given.
        count: usize,
    },
    /// A reference to a tier the scheme does not have.
    UnknownTier {
        /// What refers to it.
        what: String,
        /// The tier index.
        index: usize,
    },
    /// A reference to a star level the scheme does not define.
    UnknownStars {
        /// The number of stars.
        stars: u8,
    },
    /// A category the scheme does not have.
    UnknownCategory {
        /// The category given.
        id: String,
    },
    /// A source the scheme does not have.
    UnknownSource {
        /// The source id given.
        id: String,
    },
    /// An indicator the category's set does not have.
    UnknownIndicator {
        /// The source it was entered for.
        source: String,
        /// The indicator id given.
        id: String,
    },
    /// A veto the scheme does not have.
    UnknownVeto {
        /// The veto id given.
        id: String,
    },
    /// No entry for a source of the scheme.
    MissingInput {
        /// The source.
        source: String,
    },
    /// An entry of a form the source does not take (ballots for an indicator source).
    WrongInput {
        /// The source.
        source: String,
    },
    /// An indicator left without a sub-score.
    MissingIndicator {
        /// The source.
        source: String,
        /// The indicator.
        indicator: String,
    },
    /// Ballot counts for a different number of levels than the scale has.
    VoteLevels {
        /// The vote source.
        source: String,
        /// Levels in the scale.
        expected: usize,
        /// Counts given.
        found: usize,
    },
    /// No valid ballot (domain.md reading 4: an error, not a zero score).
    NoValidBallot {
        /// The vote source.
        source: String,
    },
    /// More ballots than people eligible to vote.
    TooManyBallots {
        /// The vote source.
        source: String,
        /// Ballots cast.
        cast: u64,
        /// People eligible.
        eligible: u64,
    },
    /// An override without a reason.
    OverrideReason,
    /// An override that sets neither tier nor stars.
    OverrideEmpty,
    /// An error about one organization of a list.
    InRow {
        /// The row, counting from 1 (as a spreadsheet shows it).
        row: usize,
        /// The organization's name.
        org: String,
        /// The error.
        error: Box<Error>,
    },
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
    /// A computation whose numbers are too large or have too many decimals to be held exactly
    /// (a bound no real scheme reaches; the result is refused rather than rounded).
    TooLarge {
        /// The field or value, as the user sees it.
        field: String,
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
    /// The message for an interface in `lang`. The messages are Chinese in both: they name
    /// fields, sources and tiers by the Chinese names the documents give them, and a clerk
    /// reading an English interface still reports them to a committee in Chinese. (An English
    /// copy of every message would also cost the page's first load about 2 KiB of gzip.)
    pub fn message(&self, _lang: Lang) -> String {
        self.zh()
    }

    /// Wraps the error with the row and name of the organization it is about.
    pub fn in_row(self, row: usize, org: &str) -> Error {
        Error::InRow {
            row,
            org: org.to_owned(),
            error: Box::new(self),
        }
    }

    /// The error itself, without the row it is about (an error of a list's row says the row
    /// where the row is already shown).
    pub fn without_row(&self) -> &Error {
        match self {
            Error::InRow { error, .. } => error,
            e => e,
        }
    }

    fn zh(&self) -> String {
        match self {
            Error::Empty { field } => format!("「{field}」未填写"),
            Error::NotANumber { field, text } => {
                format!("「{field}」不是数字：“{text}”。请输入如 89.5 的数字")
            }
            Error::NotACount { field, text } => {
                format!("「{field}」应为不小于 0 的整数（票数），现为“{text}”")
            }
            Error::OutOfRange {
                field,
                value,
                min,
                max,
            } => {
                format!("「{field}」应在 {min} 到 {max} 之间，现为 {value}")
            }
            Error::Negative { field, value } => format!("「{field}」不能为负数，现为 {value}"),
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
            Error::NoCategories => "方案中没有任何分类".to_owned(),
            Error::NoSources => "方案中没有任何评价主体".to_owned(),
            Error::WeightsSum { sum } => {
                format!("各评价主体的权重之和应为 100%，现为 {}%", sum.normalize())
            }
            Error::IndicatorSum { category, sum } => format!(
                "「{category}」各项指标分值之和（加分项除外）应为 100 分，现为 {} 分",
                sum.normalize()
            ),
            Error::DuplicateId { what, id } => format!("{what}编号「{id}」重复"),
            Error::TooLarge { field } => {
                format!("「{field}」的数值过大或小数位数过多，无法精确计算，请核对")
            }
            Error::NoVoteLevels { source } => format!("「{source}」没有可计入有效票的测评档次"),
            Error::SatisfiedLevels { source, count } => {
                format!("「{source}」计为满意的档次数 {count} 不在有效档次范围内")
            }
            Error::UnknownTier { what, index } => {
                format!("「{what}」引用的等次（第 {} 个）不存在", index + 1)
            }
            Error::UnknownStars { stars } => format!("方案中没有定义 {stars} 星这一星级"),
            Error::UnknownCategory { id } => format!("方案中没有分类「{id}」"),
            Error::UnknownSource { id } => format!("方案中没有评价主体「{id}」"),
            Error::UnknownIndicator { source, id } => {
                format!("「{source}」中没有指标「{id}」")
            }
            Error::UnknownVeto { id } => format!("方案中没有否决事项「{id}」"),
            Error::MissingInput { source } => format!("「{source}」未填写"),
            Error::WrongInput { source } => format!("「{source}」的录入方式与方案不符"),
            Error::MissingIndicator { source, indicator } => {
                format!("「{source} · {indicator}」未填写")
            }
            Error::VoteLevels {
                source,
                expected,
                found,
            } => {
                format!("「{source}」应填写 {expected} 个档次的票数，现为 {found} 个")
            }
            Error::NoValidBallot { source } => {
                format!("「{source}」没有有效票，无法计算得分")
            }
            Error::TooManyBallots {
                source,
                cast,
                eligible,
            } => format!("「{source}」的票数合计 {cast} 张，多于应参加测评的 {eligible} 人"),
            Error::OverrideReason => "调整等次或星级须填写理由".to_owned(),
            Error::OverrideEmpty => "调整须指定等次或星级".to_owned(),
            Error::InRow { row, org, error } => {
                if org.is_empty() {
                    format!("第 {row} 行：{}", error.zh())
                } else {
                    format!("第 {row} 行「{org}」：{}", error.zh())
                }
            }
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
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.zh())
    }
}

impl std::error::Error for Error {}

//! The one error type of the crate. Every variant names what it is about (the field, the source,
//! the organization and its row), so that the message a clerk reads says where to look.
//! `Display` gives the Chinese message; `Error::message` either language.

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
    /// A scheme with more of a part than any real scheme has (domain.md: the bounds of a
    /// scheme), refused before anything else is checked so that reading it stays linear.
    TooMany {
        /// The part (评价主体, 测评档次, …), as the user sees it.
        what: String,
        /// The most a scheme may have.
        max: usize,
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
            Lang::Zh => self.message_in(&ZH),
            Lang::En => self.message_in(en_patterns()),
        }
    }

    /// The message written with `patterns`: one per variant, in the order of [`Error::parts`],
    /// each naming its arguments `{0}`, `{1}`… (the Chinese ones are [`ZH`]; the English ones,
    /// [`EN_PATTERNS`], are also what the pages fetch when English is first chosen, so that their
    /// first load carries no English message). A pattern left out gives the Chinese one.
    pub fn message_in(&self, patterns: &[&str]) -> String {
        self.write(patterns, &|field| field)
    }

    /// [`Error::message_in`], with the field an error is about named by `names`: a field (or a
    /// source, a tier) named in Chinese as the first of a pair is written as the second, in the
    /// language of `patterns` (an error names its field in Chinese, as the rules read it; see
    /// `draft::Field::names`). What the user typed is never renamed.
    pub fn message_naming(&self, patterns: &[&str], names: &[(String, String)]) -> String {
        self.write(patterns, &|field| {
            names
                .iter()
                .find(|(zh, _)| zh == field)
                .map_or(field, |(_, name)| name)
        })
    }

    /// The message written with `patterns`, the field (always the first argument; the others are
    /// values and names typed) as `name` writes it. Generic, so that a page that never renames
    /// carries no renaming.
    fn write<'n, F: Fn(&'n str) -> &'n str>(&'n self, patterns: &[&str], name: &F) -> String {
        let (index, args) = self.parts();
        let pattern = patterns
            .get(index)
            .or(ZH.get(index))
            .copied()
            .unwrap_or_default();
        crate::text::fill(pattern, &mut |n, out| {
            match args.get(n) {
                Some(Arg::Text(text)) if n == 0 => out.push_str(name(text)),
                Some(Arg::Text(text)) => out.push_str(text),
                Some(Arg::Dec(d)) => out.push_str(&d.to_string()),
                Some(Arg::Err(inner)) => out.push_str(&inner.write(patterns, name)),
                Some(Arg::No) | None => return false,
            }
            true
        })
    }

    /// What [`Error::in_row`] would say, written with `patterns` and `names` as
    /// [`Error::message_naming`] writes, without making it (a page lists many such errors).
    pub fn message_in_row(
        &self,
        row: usize,
        org: &str,
        patterns: &[&str],
        names: &[(String, String)],
    ) -> String {
        let index = if org.is_empty() { 30 } else { 31 };
        let pattern = patterns
            .get(index)
            .or(ZH.get(index))
            .copied()
            .unwrap_or_default();
        let inner = self.message_naming(patterns, names);
        // The arguments of `InRow` in `parts`: the row, the name if any, the error.
        let row = Decimal::from(row).to_string();
        let args: &[&str] = if org.is_empty() {
            &[&row, &inner]
        } else {
            &[&row, org, &inner]
        };
        crate::text::fill_args(pattern, args)
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

    /// Which pattern writes the error, and its arguments.
    fn parts(&self) -> (usize, [Arg<'_>; 4]) {
        use Arg::{Dec, Err, No, Text as T};
        match self {
            Error::Empty { field } => (0, [T(field), No, No, No]),
            Error::NotANumber { field, text } => (1, [T(field), T(text), No, No]),
            Error::NotACount { field, text } => (2, [T(field), T(text), No, No]),
            Error::OutOfRange {
                field,
                value,
                min,
                max,
            } => (3, [T(field), Dec(*min), Dec(*max), Dec(*value)]),
            Error::Negative { field, value } => (4, [T(field), Dec(*value), No, No]),
            Error::ThresholdsNotDescending {
                tier,
                value,
                previous,
            } => (5, [T(tier), Dec(*value), Dec(*previous), No]),
            Error::ThresholdMissing { tier } => (6, [T(tier), No, No, No]),
            Error::NoTiers => (7, [No, No, No, No]),
            Error::NoCategories => (8, [No, No, No, No]),
            Error::NoSources => (9, [No, No, No, No]),
            Error::WeightsSum { sum } => (10, [Dec(sum.normalize()), No, No, No]),
            Error::IndicatorSum { category, sum } => {
                (11, [T(category), Dec(sum.normalize()), No, No])
            }
            Error::DuplicateId { what, id } => (12, [T(what), T(id), No, No]),
            Error::TooLarge { field } => (13, [T(field), No, No, No]),
            Error::NoVoteLevels { source } => (14, [T(source), No, No, No]),
            Error::SatisfiedLevels { source, count } => {
                (15, [T(source), Dec(Decimal::from(*count)), No, No])
            }
            Error::UnknownTier { what, index } => (
                16,
                [T(what), Dec(Decimal::from(*index) + Decimal::ONE), No, No],
            ),
            Error::UnknownStars { stars } => (17, [Dec(Decimal::from(*stars)), No, No, No]),
            Error::UnknownCategory { id } => (18, [T(id), No, No, No]),
            Error::UnknownSource { id } => (19, [T(id), No, No, No]),
            Error::UnknownIndicator { source, id } => (20, [T(source), T(id), No, No]),
            Error::UnknownVeto { id } => (21, [T(id), No, No, No]),
            Error::MissingInput { source } => (22, [T(source), No, No, No]),
            Error::WrongInput { source } => (23, [T(source), No, No, No]),
            Error::MissingIndicator { source, indicator } => {
                (24, [T(source), T(indicator), No, No])
            }
            Error::VoteLevels {
                source,
                expected,
                found,
            } => (
                25,
                [
                    T(source),
                    Dec(Decimal::from(*expected)),
                    Dec(Decimal::from(*found)),
                    No,
                ],
            ),
            Error::NoValidBallot { source } => (26, [T(source), No, No, No]),
            Error::TooManyBallots {
                source,
                cast,
                eligible,
            } => (
                27,
                [
                    T(source),
                    Dec(Decimal::from(*cast)),
                    Dec(Decimal::from(*eligible)),
                    No,
                ],
            ),
            Error::OverrideReason => (28, [No, No, No, No]),
            Error::OverrideEmpty => (29, [No, No, No, No]),
            Error::InRow { row, org, error } if org.is_empty() => {
                (30, [Dec(Decimal::from(*row)), Err(error), No, No])
            }
            Error::InRow { row, org, error } => {
                (31, [Dec(Decimal::from(*row)), T(org), Err(error), No])
            }
            Error::RoundingDecimals { decimals } => {
                (32, [Dec(Decimal::from(*decimals)), No, No, No])
            }
            Error::UnknownScheme { id } => (33, [T(id), No, No, No]),
            Error::SchemeFile {
                line,
                column,
                detail,
            } => (
                34,
                [
                    Dec(Decimal::from(*line)),
                    Dec(Decimal::from(*column)),
                    T(detail),
                    No,
                ],
            ),
            Error::TooMany { what, max } => (36, [T(what), Dec(Decimal::from(*max)), No, No]),
            Error::SchemeFormat { found, supported } => (
                35,
                [
                    Dec(Decimal::from(*found)),
                    Dec(Decimal::from(*supported)),
                    No,
                    No,
                ],
            ),
        }
    }
}

/// One argument of a message; `No` for a place the variant does not use.
enum Arg<'a> {
    Text(&'a str),
    /// A number (counts too: one way of writing numbers is less code than two).
    Dec(Decimal),
    /// An error written with the same patterns.
    Err(&'a Error),
    No,
}

/// The Chinese messages, one per variant in the order of `Error::parts`.
pub const ZH: [&str; 37] = [
    "「{0}」未填写",
    "「{0}」不是数字：“{1}”。请输入如 89.5 的数字",
    "「{0}」应为不小于 0 的整数（票数），现为“{1}”",
    "「{0}」应在 {1} 到 {2} 之间，现为 {3}",
    "「{0}」不能为负数，现为 {1}",
    "等次「{0}」的分数线 {1} 应低于上一等次的分数线 {2}（分数线须从高到低排列）",
    "等次「{0}」的分数线设置有误：除最低等次外，每个等次都要有分数线",
    "方案中没有任何等次",
    "方案中没有任何分类",
    "方案中没有任何评价主体",
    "各评价主体的权重之和应为 100%，现为 {0}%",
    "「{0}」各项指标分值之和（加分项除外）应为 100 分，现为 {1} 分",
    "{0}编号「{1}」重复",
    "「{0}」的数值过大或小数位数过多，无法精确计算，请核对",
    "「{0}」没有可计入有效票的测评档次",
    "「{0}」计为满意的档次数 {1} 不在有效档次范围内",
    "「{0}」引用的等次（第 {1} 个）不存在",
    "方案中没有定义 {0} 星这一星级",
    "方案中没有分类「{0}」",
    "方案中没有评价主体「{0}」",
    "「{0}」中没有指标「{1}」",
    "方案中没有否决事项「{0}」",
    "「{0}」未填写",
    "「{0}」的录入方式与方案不符",
    "「{0} · {1}」未填写",
    "「{0}」应填写 {1} 个档次的票数，现为 {2} 个",
    "「{0}」没有有效票，无法计算得分",
    "「{0}」的票数合计 {1} 张，多于应参加测评的 {2} 人",
    "调整等次或星级须填写理由",
    "调整须指定等次或星级",
    "第 {0} 行：{1}",
    "第 {0} 行「{1}」：{2}",
    "保留小数位数应为 0 到 4 位，现为 {0} 位",
    "没有编号为「{0}」的方案",
    "方案文件第 {0} 行第 {1} 列有误：{2}",
    "方案文件的格式版本为 {0}，本程序只能读取版本 {1}，请使用新版本程序",
    "方案中的{0}多于 {1} 个，超出本程序能处理的范围",
];

/// The English messages, one a line in the order of `Error::parts` (`scheme/src/error-en.txt`).
pub const EN_PATTERNS: &str = include_str!("error-en.txt");

/// [`EN_PATTERNS`] as patterns, split once.
pub fn en_patterns() -> &'static [&'static str] {
    static PATTERNS: std::sync::LazyLock<Vec<&str>> =
        std::sync::LazyLock::new(|| EN_PATTERNS.lines().collect());
    &PATTERNS
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_in(&ZH))
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{n}` a pattern names, in order of `n`.
    fn placeholders(pattern: &str) -> Vec<String> {
        (0..10)
            .map(|n| format!("{{{n}}}"))
            .filter(|p| pattern.contains(p.as_str()))
            .collect()
    }

    #[test]
    fn a_message_in_a_row_says_what_the_error_in_that_row_says() {
        let e = Error::NotANumber {
            field: "党委评定".into(),
            text: "九十".into(),
        };
        let names = [("党委评定".to_owned(), "Committee".to_owned())];
        for org in ["红星村", ""] {
            let wrapped = e.clone().in_row(7, org);
            assert_eq!(e.message_in_row(7, org, &ZH, &[]), wrapped.to_string());
            assert_eq!(
                e.message_in_row(7, org, en_patterns(), &names),
                wrapped.message_naming(en_patterns(), &names)
            );
        }
        assert_eq!(
            e.message_in_row(7, "红星村", en_patterns(), &names),
            "Row 7 \"红星村\": \"Committee\" is not a number: \"九十\". Enter a number such as 89.5"
        );
    }

    #[test]
    fn every_message_has_its_english_with_the_same_arguments() {
        let en = en_patterns();
        assert_eq!(en.len(), ZH.len(), "one English line per Chinese pattern");
        for (zh, en) in ZH.iter().zip(en) {
            assert_eq!(placeholders(zh), placeholders(en), "{zh} / {en}");
            assert!(
                !en.chars().any(|c| ('\u{3000}'..='\u{9fff}').contains(&c)),
                "{en}"
            );
        }
    }

    #[test]
    fn a_pattern_left_out_or_broken_still_says_something() {
        let e = Error::Empty { field: "X".into() };
        assert_eq!(e.message_in(&[]), "「X」未填写");
        assert_eq!(e.message_in(&["{0} {9} {x} {"]), "X {9} {x} {");
    }
}

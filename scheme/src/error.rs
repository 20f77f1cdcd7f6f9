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
            Lang::Zh => self.message_in(ZH),
            Lang::En => self.message_in(en_patterns()),
        }
    }

    /// The message written with `patterns`: one per key (a variant's name, as [`Error::parts`]
    /// gives it), each naming its arguments `{0}`, `{1}`… (the Chinese ones are [`ZH`]; the
    /// English ones, [`EN_PATTERNS`], are also what the pages fetch when English is first chosen,
    /// so that their first load carries no English message). A pattern left out gives the
    /// Chinese one.
    pub fn message_in(&self, patterns: Patterns<'_>) -> String {
        self.write(patterns, &|field| field)
    }

    /// [`Error::message_in`], with the field an error is about named by `names`: a field (or a
    /// source, a tier) named in Chinese as the first of a pair is written as the second, in the
    /// language of `patterns` (an error names its field in Chinese, as the rules read it; see
    /// `draft::Field::names`). What the user typed is never renamed.
    pub fn message_naming(&self, patterns: Patterns<'_>, names: &[(String, String)]) -> String {
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
    fn write<'n, F: Fn(&'n str) -> &'n str>(&'n self, patterns: Patterns<'_>, name: &F) -> String {
        let (key, args) = self.parts();
        let pattern = pattern(patterns, key);
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
        patterns: Patterns<'_>,
        names: &[(String, String)],
    ) -> String {
        let pattern = pattern(
            patterns,
            if org.is_empty() {
                "InRow"
            } else {
                "InRowNamed"
            },
        );
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
    fn parts(&self) -> (&'static str, [Arg<'_>; 4]) {
        use Arg::{Dec, Err, No, Text as T};
        match self {
            Error::Empty { field } => ("Empty", [T(field), No, No, No]),
            Error::NotANumber { field, text } => ("NotANumber", [T(field), T(text), No, No]),
            Error::NotACount { field, text } => ("NotACount", [T(field), T(text), No, No]),
            Error::OutOfRange {
                field,
                value,
                min,
                max,
            } => ("OutOfRange", [T(field), Dec(*min), Dec(*max), Dec(*value)]),
            Error::Negative { field, value } => ("Negative", [T(field), Dec(*value), No, No]),
            Error::ThresholdsNotDescending {
                tier,
                value,
                previous,
            } => (
                "ThresholdsNotDescending",
                [T(tier), Dec(*value), Dec(*previous), No],
            ),
            Error::ThresholdMissing { tier } => ("ThresholdMissing", [T(tier), No, No, No]),
            Error::NoTiers => ("NoTiers", [No, No, No, No]),
            Error::NoCategories => ("NoCategories", [No, No, No, No]),
            Error::NoSources => ("NoSources", [No, No, No, No]),
            Error::WeightsSum { sum } => ("WeightsSum", [Dec(sum.normalize()), No, No, No]),
            Error::IndicatorSum { category, sum } => {
                ("IndicatorSum", [T(category), Dec(sum.normalize()), No, No])
            }
            Error::DuplicateId { what, id } => ("DuplicateId", [T(what), T(id), No, No]),
            Error::TooLarge { field } => ("TooLarge", [T(field), No, No, No]),
            Error::NoVoteLevels { source } => ("NoVoteLevels", [T(source), No, No, No]),
            Error::SatisfiedLevels { source, count } => (
                "SatisfiedLevels",
                [T(source), Dec(Decimal::from(*count)), No, No],
            ),
            Error::UnknownTier { what, index } => (
                "UnknownTier",
                [T(what), Dec(Decimal::from(*index) + Decimal::ONE), No, No],
            ),
            Error::UnknownStars { stars } => {
                ("UnknownStars", [Dec(Decimal::from(*stars)), No, No, No])
            }
            Error::UnknownCategory { id } => ("UnknownCategory", [T(id), No, No, No]),
            Error::UnknownSource { id } => ("UnknownSource", [T(id), No, No, No]),
            Error::UnknownIndicator { source, id } => {
                ("UnknownIndicator", [T(source), T(id), No, No])
            }
            Error::UnknownVeto { id } => ("UnknownVeto", [T(id), No, No, No]),
            Error::MissingInput { source } => ("MissingInput", [T(source), No, No, No]),
            Error::WrongInput { source } => ("WrongInput", [T(source), No, No, No]),
            Error::MissingIndicator { source, indicator } => {
                ("MissingIndicator", [T(source), T(indicator), No, No])
            }
            Error::VoteLevels {
                source,
                expected,
                found,
            } => (
                "VoteLevels",
                [
                    T(source),
                    Dec(Decimal::from(*expected)),
                    Dec(Decimal::from(*found)),
                    No,
                ],
            ),
            Error::NoValidBallot { source } => ("NoValidBallot", [T(source), No, No, No]),
            Error::TooManyBallots {
                source,
                cast,
                eligible,
            } => (
                "TooManyBallots",
                [
                    T(source),
                    Dec(Decimal::from(*cast)),
                    Dec(Decimal::from(*eligible)),
                    No,
                ],
            ),
            Error::OverrideReason => ("OverrideReason", [No, No, No, No]),
            Error::OverrideEmpty => ("OverrideEmpty", [No, No, No, No]),
            Error::InRow { row, org, error } if org.is_empty() => {
                ("InRow", [Dec(Decimal::from(*row)), Err(error), No, No])
            }
            Error::InRow { row, org, error } => (
                "InRowNamed",
                [Dec(Decimal::from(*row)), T(org), Err(error), No],
            ),
            Error::RoundingDecimals { decimals } => (
                "RoundingDecimals",
                [Dec(Decimal::from(*decimals)), No, No, No],
            ),
            Error::UnknownScheme { id } => ("UnknownScheme", [T(id), No, No, No]),
            Error::SchemeFile {
                line,
                column,
                detail,
            } => (
                "SchemeFile",
                [
                    Dec(Decimal::from(*line)),
                    Dec(Decimal::from(*column)),
                    T(detail),
                    No,
                ],
            ),
            Error::TooMany { what, max } => {
                ("TooMany", [T(what), Dec(Decimal::from(*max)), No, No])
            }
            Error::SchemeFormat { found, supported } => (
                "SchemeFormat",
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

/// Message patterns, each under its key.
pub type Patterns<'a> = &'a [(&'a str, &'a str)];

/// The pattern under `key` in `patterns`, or else the Chinese one.
fn pattern<'p>(patterns: Patterns<'p>, key: &str) -> &'p str {
    let find = |p: Patterns<'p>| p.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    find(patterns).or_else(|| find(ZH)).unwrap_or_default()
}

/// The Chinese messages, each under its key (the key [`Error::parts`] gives).
pub const ZH: Patterns<'static> = &[
    ("Empty", "「{0}」未填写"),
    ("NotANumber", "「{0}」不是数字：“{1}”。请输入如 89.5 的数字"),
    ("NotACount", "「{0}」应为不小于 0 的整数（票数），现为“{1}”"),
    ("OutOfRange", "「{0}」应在 {1} 到 {2} 之间，现为 {3}"),
    ("Negative", "「{0}」不能为负数，现为 {1}"),
    (
        "ThresholdsNotDescending",
        "等次「{0}」的分数线 {1} 应低于上一等次的分数线 {2}（分数线须从高到低排列）",
    ),
    (
        "ThresholdMissing",
        "等次「{0}」的分数线设置有误：除最低等次外，每个等次都要有分数线",
    ),
    ("NoTiers", "方案中没有任何等次"),
    ("NoCategories", "方案中没有任何分类"),
    ("NoSources", "方案中没有任何评价主体"),
    ("WeightsSum", "各评价主体的权重之和应为 100%，现为 {0}%"),
    (
        "IndicatorSum",
        "「{0}」各项指标分值之和（加分项除外）应为 100 分，现为 {1} 分",
    ),
    ("DuplicateId", "{0}编号「{1}」重复"),
    (
        "TooLarge",
        "「{0}」的数值过大或小数位数过多，无法精确计算，请核对",
    ),
    ("NoVoteLevels", "「{0}」没有可计入有效票的测评档次"),
    (
        "SatisfiedLevels",
        "「{0}」计为满意的档次数 {1} 不在有效档次范围内",
    ),
    ("UnknownTier", "「{0}」引用的等次（第 {1} 个）不存在"),
    ("UnknownStars", "方案中没有定义 {0} 星这一星级"),
    ("UnknownCategory", "方案中没有分类「{0}」"),
    ("UnknownSource", "方案中没有评价主体「{0}」"),
    ("UnknownIndicator", "「{0}」中没有指标「{1}」"),
    ("UnknownVeto", "方案中没有否决事项「{0}」"),
    ("MissingInput", "「{0}」未填写"),
    ("WrongInput", "「{0}」的录入方式与方案不符"),
    ("MissingIndicator", "「{0} · {1}」未填写"),
    ("VoteLevels", "「{0}」应填写 {1} 个档次的票数，现为 {2} 个"),
    ("NoValidBallot", "「{0}」没有有效票，无法计算得分"),
    (
        "TooManyBallots",
        "「{0}」的票数合计 {1} 张，多于应参加测评的 {2} 人",
    ),
    ("OverrideReason", "调整等次或星级须填写理由"),
    ("OverrideEmpty", "调整须指定等次或星级"),
    ("InRow", "第 {0} 行：{1}"),
    ("InRowNamed", "第 {0} 行「{1}」：{2}"),
    (
        "RoundingDecimals",
        "保留小数位数应为 0 到 4 位，现为 {0} 位",
    ),
    ("UnknownScheme", "没有编号为「{0}」的方案"),
    ("SchemeFile", "方案文件第 {0} 行第 {1} 列有误：{2}"),
    (
        "SchemeFormat",
        "方案文件的格式版本为 {0}，本程序只能读取版本 {1}，请使用新版本程序",
    ),
    ("TooMany", "方案中的{0}多于 {1} 个，超出本程序能处理的范围"),
];

/// The English messages, a line each: its key, a tab, its pattern (`scheme/src/error-en.txt`;
/// any order).
pub const EN_PATTERNS: &str = include_str!("error-en.txt");

/// Patterns from lines of a key, a tab and a pattern (a line without a tab is left out).
pub fn keyed<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<(&'a str, &'a str)> {
    lines
        .into_iter()
        .filter_map(|line| line.split_once('\t'))
        .collect()
}

/// [`EN_PATTERNS`] as patterns, split once.
pub fn en_patterns() -> Patterns<'static> {
    static PATTERNS: std::sync::LazyLock<Vec<(&str, &str)>> =
        std::sync::LazyLock::new(|| keyed(EN_PATTERNS.lines()));
    &PATTERNS
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_in(ZH))
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
            assert_eq!(e.message_in_row(7, org, ZH, &[]), wrapped.to_string());
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
    fn every_message_has_its_english_by_key_with_the_same_arguments() {
        let en = en_patterns();
        fn keys<'a>(p: Patterns<'a>) -> Vec<&'a str> {
            let mut k: Vec<&str> = p.iter().map(|(k, _)| *k).collect();
            k.sort_unstable();
            k
        }
        // No key missing, none extra, none twice: matched by key, not by line.
        let zh_keys = keys(ZH);
        assert!(
            zh_keys.windows(2).all(|w| w[0] != w[1]),
            "a Chinese key twice"
        );
        assert_eq!(keys(en), zh_keys, "the English keys are the Chinese ones");
        assert_eq!(
            en.len(),
            EN_PATTERNS.lines().count(),
            "every English line has a key and a tab"
        );
        for (key, zh) in ZH {
            let en = pattern(en, key);
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
        assert_eq!(e.message_in(&[("Empty", "{0} {9} {x} {")]), "X {9} {x} {");
        // A key the errors do not have changes nothing.
        assert_eq!(e.message_in(&[("Emptyy", "?")]), "「X」未填写");
    }

    #[test]
    fn every_error_has_its_own_message_in_both_languages() {
        let (t, d) = (String::from("x"), Decimal::ONE);
        let inner = || Box::new(Error::NoTiers);
        let all = [
            Error::Empty { field: t.clone() },
            Error::NotANumber {
                field: t.clone(),
                text: t.clone(),
            },
            Error::NotACount {
                field: t.clone(),
                text: t.clone(),
            },
            Error::OutOfRange {
                field: t.clone(),
                value: d,
                min: d,
                max: d,
            },
            Error::Negative {
                field: t.clone(),
                value: d,
            },
            Error::ThresholdsNotDescending {
                tier: t.clone(),
                value: d,
                previous: d,
            },
            Error::ThresholdMissing { tier: t.clone() },
            Error::NoTiers,
            Error::NoCategories,
            Error::NoSources,
            Error::WeightsSum { sum: d },
            Error::IndicatorSum {
                category: t.clone(),
                sum: d,
            },
            Error::DuplicateId {
                what: t.clone(),
                id: t.clone(),
            },
            Error::NoVoteLevels { source: t.clone() },
            Error::SatisfiedLevels {
                source: t.clone(),
                count: 1,
            },
            Error::UnknownTier {
                what: t.clone(),
                index: 1,
            },
            Error::UnknownStars { stars: 1 },
            Error::UnknownCategory { id: t.clone() },
            Error::UnknownSource { id: t.clone() },
            Error::UnknownIndicator {
                source: t.clone(),
                id: t.clone(),
            },
            Error::UnknownVeto { id: t.clone() },
            Error::MissingInput { source: t.clone() },
            Error::WrongInput { source: t.clone() },
            Error::MissingIndicator {
                source: t.clone(),
                indicator: t.clone(),
            },
            Error::VoteLevels {
                source: t.clone(),
                expected: 1,
                found: 1,
            },
            Error::NoValidBallot { source: t.clone() },
            Error::TooManyBallots {
                source: t.clone(),
                cast: 1,
                eligible: 1,
            },
            Error::OverrideReason,
            Error::OverrideEmpty,
            Error::InRow {
                row: 1,
                org: String::new(),
                error: inner(),
            },
            Error::InRow {
                row: 1,
                org: t.clone(),
                error: inner(),
            },
            Error::RoundingDecimals { decimals: 1 },
            Error::UnknownScheme { id: t.clone() },
            Error::SchemeFile {
                line: 1,
                column: 1,
                detail: t.clone(),
            },
            Error::TooLarge { field: t.clone() },
            Error::TooMany {
                what: t.clone(),
                max: 1,
            },
            Error::SchemeFormat {
                found: 1,
                supported: 1,
            },
        ];
        let mut keys: Vec<&str> = all.iter().map(|e| e.parts().0).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(
            keys.len(),
            ZH.len(),
            "each error its own key, each key an error's"
        );
        for e in &all {
            let key = e.parts().0;
            assert!(ZH.iter().any(|(k, _)| *k == key), "{key} has no Chinese");
            assert!(
                en_patterns().iter().any(|(k, _)| *k == key),
                "{key} has no English"
            );
        }
    }
}

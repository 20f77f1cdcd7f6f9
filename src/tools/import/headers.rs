//! What a clerk's headers and category words mean, in the words clerks use (the spec's "Words
//! clerks use"): a header is guessed to one column of the list, or left unmapped with the
//! reason; a category word is the scheme's category, a synonym of exactly one, or a question.

use dingji_rules::Scheme;
use dingji_rules::scheme::{Scoring, Source, SourceKind};

use crate::wire::columns::Col;

/// Why a column of the file fills no column of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unmapped {
    /// Empty, or not a column of the scheme.
    Unknown,
    /// 序号: numbers the rows, not imported.
    Serial,
    /// Fits several columns of the list (their indices): the user picks.
    Ambiguous(Vec<usize>),
    /// Another column of the file (its index) already fills the same column.
    Duplicate(usize),
}

/// Characters that decorate a header without changing what it names: quotes and brackets of
/// every kind, dots, colons, asterisks (a required column), enumeration commas.
const DECORATIONS: [char; 27] = [
    '·', '•', '(', ')', '"', '“', '”', '「', '」', '『', '』', '[', ']', '【', '】', '〔', '〕',
    '《', '》', '<', '>', '〈', '〉', ':', '\'', '‘', '’',
];

/// A full-width character (ｌｉｋｅ ｔｈｉｓ, （）, ：, the ideographic space) as its half-width form.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A header made comparable: full-width as half-width; no spaces, quotes, brackets, dots,
/// colons or asterisks; ASCII in lower case. `评“好”票数` and `评 好 票数` are `评好票数`.
pub fn plain(header: &str) -> String {
    header
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace() && !DECORATIONS.contains(c) && !matches!(c, '*' | '、'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

const NAME_HEADERS: [&str; 17] = [
    "组织名称",
    "名称",
    "党组织名称",
    "党组织",
    "党组织全称",
    "单位",
    "单位名称",
    "单位名",
    "党支部",
    "党支部名称",
    "支部名称",
    "基层党组织名称",
    "基层党组织",
    "村社区名称",
    "村社区",
    "组织",
    "organization",
];
const CATEGORY_HEADERS: [&str; 16] = [
    "分类",
    "领域",
    "类别",
    "类型",
    "所属领域",
    "所属类型",
    "所属类别",
    "所属分类",
    "单位类型",
    "单位类别",
    "组织类别",
    "组织类型",
    "党组织类别",
    "党组织类型",
    "领域分类",
    "category",
];
const SERIAL_HEADERS: [&str; 6] = ["序号", "编号", "no", "no.", "#", "序"];
const ELIGIBLE_WORDS: [&str; 10] = [
    "应参加人数",
    "应到人数",
    "参评人数",
    "应参评人数",
    "党员人数",
    "在册党员数",
    "在册党员人数",
    "应参加测评人数",
    "应参加投票人数",
    "eligible",
];
/// Words that name the same kind of source in different schemes and in clerks' sheets.
const SOURCE_GROUPS: [&[&str]; 3] = [
    &[
        "党委评定",
        "党委评分",
        "党委评价",
        "党委考评",
        "党委考核",
        "上级评价",
        "上级评定",
        "上级党组织评",
        "上级党组织评价",
        "上级考评",
    ],
    &["测评", "民主测评", "党员群众测评", "群众测评", "党员测评"],
    &["自评", "党支部自评", "支部自评", "自我评价"],
];
/// A prefix naming who did a source's scoring, dropped before comparing (longest first).
const WHO_PREFIXES: [&str; 5] = ["乡镇", "街道", "上级", "镇", "县"];
/// A suffix on a score's header, longest first.
const SCORE_SUFFIXES: [&str; 6] = ["得分", "分数", "评分", "打分", "分值", "分"];
/// A verb at the end of a source's name (党委评定, 党委评价: both 党委), longest first.
const VERBS: [&str; 6] = ["评定", "测评", "评价", "考评", "考核", "评"];
/// Words before a level's name in a ballot column's header (评“好”票数, 评为「较好」的票数; 票数·好
/// where a group cell 民主测评票数 stands over the level), longest first.
const BALLOT_PREFIXES: [&str; 9] = [
    "得票数",
    "评为",
    "得票",
    "票数",
    "评",
    "获",
    "得",
    "投",
    "票",
];
/// Words after a level's name in a ballot column's header, longest first.
const BALLOT_SUFFIXES: [&str; 10] = [
    "的得票数",
    "得票数",
    "的票数",
    "的人数",
    "的票",
    "票数",
    "得票",
    "人数",
    "票",
    "数",
];
/// Words after a deduction-scored indicator's name (组织建设扣分, 作风纪律（扣分）), longest first.
const DEDUCTION_SUFFIXES: [&str; 5] = ["扣分数", "扣分项", "扣分", "扣减", "减分"];

/// The forms of a source's name a header may use: its names, without a bracketed note
/// (党委评定（七项指标）), without the trailing verb (党委评定 → 党委), and the same-kind words.
fn source_words(source: &Source) -> Vec<String> {
    let mut words = Vec::new();
    for name in [&source.name.zh, &source.name.en] {
        let short = name.split(['（', '(']).next().unwrap_or(name);
        for word in [plain(name), plain(short)] {
            for verb in VERBS {
                if let Some(core) = word.strip_suffix(verb).filter(|c| c.chars().count() >= 2) {
                    words.push(core.to_owned());
                }
            }
            words.push(word);
        }
    }
    // 镇党委评定 is 党委评定 done by the township: the who-prefix taken off too.
    let unprefixed: Vec<String> = words
        .iter()
        .flat_map(|w| WHO_PREFIXES.iter().filter_map(move |p| w.strip_prefix(p)))
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_owned)
        .collect();
    words.extend(unprefixed);
    let named: Vec<String> = words.clone();
    for group in SOURCE_GROUPS {
        if group.iter().any(|w| named.contains(&plain(w))) {
            words.extend(group.iter().map(|w| plain(w)));
        }
    }
    words.retain(|w| !w.is_empty());
    words
}

/// A header without the weight or points written after a name (党委评定（50%）, 工作制度（10分）,
/// 自评×20%, 测评占30%), as it stands once [`plain`]: `党委评定50%` → `党委评定`.
fn without_weight(h: &str) -> &str {
    let Some(rest) = h
        .strip_suffix('%')
        .or_else(|| h.strip_suffix("分"))
        .filter(|r| r.ends_with(|c: char| c.is_ascii_digit()))
    else {
        return h;
    };
    let rest = rest.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    let rest = ["×", "x", "占", "权重"]
        .iter()
        .find_map(|w| rest.strip_suffix(w))
        .unwrap_or(rest);
    if rest.is_empty() { h } else { rest }
}

/// The forms of a header with a who-prefix and a score suffix taken off (each optional).
fn score_forms(h: &str) -> Vec<String> {
    let mut forms = vec![h.to_owned()];
    for p in WHO_PREFIXES {
        if let Some(rest) = h.strip_prefix(p) {
            forms.push(rest.to_owned());
        }
    }
    let mut out = forms.clone();
    for form in &forms {
        out.extend(
            SCORE_SUFFIXES
                .iter()
                .filter_map(|s| form.strip_suffix(s))
                .map(str::to_owned),
        );
    }
    // 党委评价分 → 党委评价 → 党委: the core a source's words hold (at least two characters).
    let verbless: Vec<String> = out
        .iter()
        .flat_map(|f| VERBS.iter().filter_map(move |v| f.strip_suffix(v)))
        .filter(|f| f.chars().count() >= 2)
        .map(str::to_owned)
        .collect();
    out.extend(verbless);
    out.retain(|f| !f.is_empty());
    out
}

/// `text` as written, without one of `prefixes` before it, without one of `suffixes` after it,
/// and without both: the forms a decorated name may stand in.
fn undecorated(text: &str, prefixes: &[&str], suffixes: &[&str]) -> Vec<String> {
    let mut forms = vec![text.to_owned()];
    if let Some(r) = prefixes.iter().find_map(|p| text.strip_prefix(p)) {
        forms.push(r.to_owned());
    }
    for f in forms.clone() {
        if let Some(r) = suffixes.iter().find_map(|x| f.strip_suffix(x)) {
            forms.push(r.to_owned());
        }
    }
    forms.retain(|f| !f.is_empty());
    forms
}

/// The level of `levels` (their names as written, made plain) that `form` names: the level of
/// that name; or, where no level has it, the one level whose name ends with it (差 for 较差 where
/// the scale has no 差; never 好 for 较好, since 好 is a level of its own).
fn level_named(form: &str, levels: &[Vec<String>]) -> Option<usize> {
    if let Some(l) = levels
        .iter()
        .position(|names| names.iter().any(|n| n == form))
    {
        return Some(l);
    }
    let mut ending = levels
        .iter()
        .enumerate()
        .filter(|(_, names)| names.first().is_some_and(|n| n.ends_with(form)));
    match (ending.next(), ending.next()) {
        (Some((l, _)), None) => Some(l),
        _ => None,
    }
}

/// The header with a source's name taken off its front (党员群众测评·好 → 好), with the source.
fn without_source<'h>(h: &'h str, scheme: &Scheme) -> Vec<(Option<&'h str>, usize)> {
    let mut out: Vec<(Option<&'h str>, usize)> = Vec::new();
    for (i, source) in scheme.sources.iter().enumerate() {
        // The longest of its words the header starts with.
        let longest = source_words(source)
            .into_iter()
            .filter(|w| h.starts_with(w.as_str()))
            .max_by_key(String::len);
        if let Some(rest) = longest.and_then(|w| h.get(w.len()..)) {
            out.push((Some(rest), i));
        }
    }
    out
}

/// The columns among `cols` a header may mean, by the first rule that finds any.
fn candidates(header: &str, cols: &[Col], scheme: &Scheme) -> Result<Vec<usize>, Unmapped> {
    let written = plain(header);
    let h = without_weight(&written).to_owned();
    if h.is_empty() {
        return Err(Unmapped::Unknown);
    }
    let find = |test: &dyn Fn(&Col) -> bool| -> Vec<usize> {
        cols.iter()
            .enumerate()
            .filter(|(_, c)| test(c))
            .map(|(i, _)| i)
            .collect()
    };
    // The list's own headers and keys (its exports read back).
    let own = find(&|c| {
        plain(&c.header(scheme, dingji_rules::Lang::Zh)) == h
            || plain(&c.header(scheme, dingji_rules::Lang::En)) == h
            || c.key() == h
    });
    if !own.is_empty() {
        return Ok(own);
    }
    if NAME_HEADERS.contains(&h.as_str()) {
        return Ok(find(&|c| *c == Col::Name));
    }
    if CATEGORY_HEADERS.contains(&h.as_str()) {
        return Ok(find(&|c| *c == Col::Category));
    }
    if is_serial(&h) {
        return Err(Unmapped::Serial);
    }
    let source_id = |i: usize| scheme.sources.get(i).map_or("", |s| s.id.as_str());
    // The part after a source's name, or the whole header for any source.
    let mut parts: Vec<(&str, Option<&str>)> = without_source(&h, scheme)
        .into_iter()
        .filter_map(|(rest, i)| Some((rest?, Some(source_id(i)))))
        .collect();
    parts.push((h.as_str(), None));
    let of = |source: &Option<&str>, s: &String| source.is_none_or(|x| x == s);

    let rule = |test: &dyn Fn(&str, &Option<&str>, &Col) -> bool| -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        // A header that names its source is read for that source only.
        for (rest, source) in &parts {
            found = find(&|c| test(rest, source, c));
            if !found.is_empty() {
                break;
            }
        }
        found
    };
    let eligible = rule(&|rest, source, c| {
        matches!(c, Col::Eligible(s) if of(source, s)) && ELIGIBLE_WORDS.contains(&rest)
    });
    if !eligible.is_empty() {
        return Ok(eligible);
    }
    let scores = find(&|c| match c {
        Col::Score(s) => scheme.source(s).is_some_and(|(_, source)| {
            let words = source_words(source);
            score_forms(&h).iter().any(|f| words.contains(f))
        }),
        _ => false,
    });
    if !scores.is_empty() {
        return Ok(scores);
    }
    // Each vote source's levels by their names (Chinese first, then English), made plain.
    let levels_of = |s: &str| -> Vec<Vec<String>> {
        match scheme.source(s).map(|(_, x)| &x.input) {
            Some(SourceKind::Vote(scale)) => scale
                .levels
                .iter()
                .map(|x| vec![plain(&x.name.zh), plain(&x.name.en)])
                .collect(),
            _ => Vec::new(),
        }
    };
    let ballots = rule(&|rest, source, c| {
        let Col::Count(s, l) = c else { return false };
        if !of(source, s) {
            return false;
        }
        let levels = levels_of(s);
        undecorated(rest, &BALLOT_PREFIXES, &BALLOT_SUFFIXES)
            .iter()
            .any(|f| level_named(f, &levels) == Some(*l))
    });
    if !ballots.is_empty() {
        return Ok(ballots);
    }
    let named = rule(&|rest, source, c| match c {
        Col::Indicator(s, i) if of(source, s) => scheme
            .categories
            .iter()
            .flat_map(|cat| scheme.indicators_for(&cat.id))
            .filter(|x| &x.id == i)
            .any(|x| {
                // 组织建设得分; a deduction-scored one also 组织建设扣分, 作风纪律（扣分）.
                // Under a group cell the word stands before it: 日常考核（扣分）·组织建设.
                let suffixes: &[&str] = match x.scoring {
                    Scoring::Deduct => &DEDUCTION_SUFFIXES,
                    Scoring::Add => &SCORE_SUFFIXES,
                };
                let names = [plain(&x.name.zh), plain(&x.name.en)];
                undecorated(rest, suffixes, suffixes)
                    .iter()
                    .any(|f| names.contains(f))
            }),
        Col::Veto(v) => scheme.vetoes.iter().any(|x| {
            &x.id == v && {
                let name = plain(&x.name.zh);
                rest == name
                    || rest.strip_prefix("一票否决").or(rest.strip_prefix("否决")) == Some(&name)
            }
        }),
        _ => false,
    });
    if !named.is_empty() {
        return Ok(named);
    }
    let overrides = find(&|c| match c {
        Col::OverrideTier => matches!(h.as_str(), "调整后等次" | "调整等次" | "党委调整等次"),
        Col::OverrideStars => matches!(h.as_str(), "调整后星级" | "调整星级"),
        Col::OverrideReason => matches!(h.as_str(), "调整理由" | "调整原因" | "调整说明"),
        _ => false,
    });
    if overrides.is_empty() {
        Err(Unmapped::Unknown)
    } else {
        Ok(overrides)
    }
}

/// The column a header names, if exactly one fits.
pub fn guess(header: &str, cols: &[Col], scheme: &Scheme) -> Option<usize> {
    match candidates(header, cols, scheme) {
        Ok(found) if found.len() == 1 => found.first().copied(),
        _ => None,
    }
}

/// Each header's column, or why it has none. Two headers that mean the same column: the first
/// fills it, the second is a duplicate.
pub fn guess_all(
    headers: &[String],
    cols: &[Col],
    scheme: &Scheme,
) -> Vec<Result<usize, Unmapped>> {
    let mut out: Vec<Result<usize, Unmapped>> = Vec::with_capacity(headers.len());
    for header in headers {
        let guessed = match candidates(header, cols, scheme) {
            Ok(found) if found.len() == 1 => Ok(found[0]),
            Ok(found) => Err(Unmapped::Ambiguous(found)),
            Err(why) => Err(why),
        };
        let guessed = match guessed {
            Ok(c) => match out.iter().position(|g| *g == Ok(c)) {
                Some(first) => Err(Unmapped::Duplicate(first)),
                None => Ok(c),
            },
            other => other,
        };
        out.push(guessed);
    }
    out
}

/// Whether a header names a source (a score computed in the clerk's sheet), by the same words
/// the guess reads.
pub fn names_source(header: &str, source: &Source) -> bool {
    let written = plain(header);
    let h = without_weight(&written);
    let words = source_words(source);
    !h.is_empty()
        && (h == format!("score:{}", source.id) || score_forms(h).iter().any(|f| words.contains(f)))
}

/// A category word as the scheme knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CategoryGuess {
    /// A category's id or Chinese name.
    Known(String),
    /// A synonym of exactly one category (its id).
    Synonym(String),
    /// A word that fits several categories (their ids): asked, not guessed.
    Ambiguous(Vec<String>),
    /// A word that fits none.
    Unknown,
}

/// Words for the same kind of organization. One word may stand in two groups (企业).
const CATEGORY_GROUPS: [&[&str]; 9] = [
    &["村", "农村", "行政村", "村党组织", "村党支部", "农村党组织"],
    &[
        "社区",
        "城市社区",
        "社区党组织",
        "居委会",
        "社区居委会",
        "城镇社区",
    ],
    &[
        "企业",
        "非公企业",
        "非公有制企业",
        "民营企业",
        "私营企业",
        "非公有制经济组织",
        "两新组织",
    ],
    &[
        "企业",
        "国有企业",
        "国企",
        "国有企业和国有金融机构",
        "国有金融机构",
    ],
    &["机关", "机关单位", "党政机关", "机关事业单位"],
    &["事业单位", "学校", "医院", "机关事业单位"],
    &["高等院校", "高校", "高等学校"],
    &["社会组织", "社团", "两新组织"],
    &["机关事业单位"],
];

/// What the category word `value` (as written in a file) is in `scheme`.
pub fn guess_category(value: &str, scheme: &Scheme) -> CategoryGuess {
    let v = value.trim();
    if let Some(c) = scheme
        .categories
        .iter()
        .find(|c| c.id == v || c.name.zh == v || c.name.en == v)
    {
        return CategoryGuess::Known(c.id.clone());
    }
    let v = plain(v);
    let mut ids: Vec<String> = Vec::new();
    for group in CATEGORY_GROUPS {
        if !group.contains(&v.as_str()) {
            continue;
        }
        for c in &scheme.categories {
            if group.contains(&plain(&c.name.zh).as_str()) && !ids.contains(&c.id) {
                ids.push(c.id.clone());
            }
        }
    }
    match ids.len() {
        0 => CategoryGuess::Unknown,
        1 => CategoryGuess::Synonym(ids.remove(0)),
        _ => CategoryGuess::Ambiguous(ids),
    }
}

/// Whether a header heads a column of row numbers (序号).
pub fn is_serial(header: &str) -> bool {
    SERIAL_HEADERS.contains(&plain(header).as_str())
}

/// Whether a row is a totals row (合计, 总计, 小计), by its name.
pub fn is_totals(name: &str) -> bool {
    // Each of the words has 计 or 数, which `plain` keeps: most cells are passed without it.
    name.contains(['计', '数'])
        && matches!(
            plain(name).as_str(),
            "合计" | "总计" | "小计" | "合计数" | "总数"
        )
}

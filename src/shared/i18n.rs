//! Every string the user interface shows. The Chinese is here; the English is the catalogue
//! `assets/en.txt` (with the scheme crate's messages, `scheme/src/error-en.txt`), which a page
//! fetches when English is first chosen ([`load_english`]), so that neither page's first load
//! carries it. The workers and the tools bundle, fetched on first use anyway, carry it built in
//! ([`install_built_in`]). Until the catalogue is in, English falls back to the Chinese.

use std::cell::Cell;
use std::thread::LocalKey;

use dingji_rules::Error;
pub use dingji_rules::Lang;

/// A table of strings: its Chinese, an accessor per string, the names of the strings (the keys
/// of the English catalogue) and a reader of its values from the catalogue, in order.
macro_rules! strings {
    ($(#[$meta:meta])* $name:ident, $zh:ident, $index:ident { $($(#[$fmeta:meta])* $field:ident: $value:expr,)* }) => {
        $(#[$meta])*
        pub struct $name([&'static str; $index::table_len as usize]);

        const $zh: $name = $name([$($value),*]);

        /// The position of each string in its table.
        #[allow(non_camel_case_types, dead_code)]
        enum $index { $($field,)* table_len }

        #[allow(dead_code)]
        impl $name {
            $($(#[$fmeta])* pub fn $field(&self) -> &'static str { self.0[$index::$field as usize] })*

            /// The strings' names: the catalogue's keys.
            const FIELDS: [&str; $index::table_len as usize] = [$(stringify!($field)),*];

            /// The table from the catalogue's `(key, value)` pairs, matched by key (a key missing
            /// keeps the Chinese; a key the table does not have changes nothing).
            fn read(pairs: &[(&'static str, &'static str)]) -> Self {
                let mut table = $zh.0;
                for (slot, field) in table.iter_mut().zip(Self::FIELDS) {
                    if let Some((_, value)) = pairs.iter().find(|(key, _)| *key == field) {
                        *slot = value;
                    }
                }
                $name(table)
            }
        }
    };
}

strings! {
    /// The interface strings of one language.
    Strings, ZH, StringsAt {
        app_title: "基层党组织分类定级计算器",
        app_subtitle: "填入各评价主体的得分或票数，立即得出综合评分、等次与星级，并逐步说明依据。",
        lang_toggle: "English",
        presentation_on: "演示模式",
        presentation_off: "退出演示",
        share: "分享链接",
        share_title: "分享当前输入",
        share_hint: "链接“#”之后的内容只在浏览器中读取，不会发送到服务器。打开链接即可看到同样的输入与结果。",
        copy: "复制",
        copied: "已复制",
        close: "关闭",
        clear: "清空输入",
        scheme: "定级方案",
        category: "组织分类",
        weight: "权重",
        mode_score: "直接录入得分",
        mode_indicators: "按指标打分",
        mode_votes: "按票数计算",
        entry_form: "录入方式",
        score_label: "得分",
        score_hint: "百分制，可带小数",
        score_placeholder: "如 92",
        deduct_points: "扣分，满分",
        ballots: "票",
        eligible: "应参加测评人数",
        eligible_hint: "可不填；填写后检查参与人数",
        valid_ballots: "有效票",
        /// A label's colon: full-width in Chinese ("有效票："), half-width in English ("Valid ballots: ").
        colon: "：",
        /// Brackets around a number after a name: "好（100）", "Good (100)".
        paren_open: "（",
        paren_close: "）",
        vote_score: "测评得分",
        not_valid_ballot: "不计入有效票",
        vetoes: "一票否决事项",
        vetoes_hint: "存在下列情形之一的，按方案规定处理，不论得分。",
        result: "结果",
        composite: "综合评分",
        tier: "等次",
        stars: "星级",
        stale: "结果已过期：请先更正标出的输入，下面是上一次的结果。",
        incomplete: "尚未填完：",
        /// Between the items of a list in a sentence.
        list_sep: "、",
        why_waiting: "请先更正标出的输入，计算过程随后显示。",
        why: "计算过程",
        to_next: "晋级所需",
        number_line: "等次分数线与本组织得分",
        /// Before the score under the scheme as it started, on the number line ("…的得分 86.27").
        baseline_mark: "灰色虚线为原方案的得分 ",
        contributions: "各评价主体对综合评分的贡献",
        edit_scheme: "调整方案",
        edit_scheme_hint: "拖动滑块或直接输入数字；修改过的数值会标出，可一键恢复。",
        weights: "权重（%）",
        thresholds: "等次分数线（含下限）",
        modified: "已修改",
        reset_scheme: "恢复方案原值",
        open_workshop: "在方案工坊中编辑全部内容",
        lowest_tier_note: "最低等次无下限",
        source_of_rules: "依据",
        /// The link to the list page.
        to_list: "组织名单（批量定级）",
        dismiss: "知道了",
        link_opened: "已打开分享链接中的输入。",
        applied: "已采用方案工坊中试算的方案。",
        cleared: "已清空输入。",
        restore: "撤销",
        keep: "保留",
        bad_link: "分享链接无法读取，当前输入未改变：",
        bad_storage: "上次保存的输入无法读取，已另行保留并重新开始：",
        bad_storage_not_kept: "上次保存的输入无法读取，且无法另行保留（浏览器存储已满或被禁用）；在您下载或舍弃原内容之前，本页的修改不会保存，也不会覆盖它：",
        save_failed: "无法在本机保存输入（浏览器存储已满或被禁用），刷新后将丢失。",
        privacy: "所有计算都在本机浏览器中完成，输入的内容不会发送到任何服务器。",
        show_why: "显示计算过程与晋级所需",
        hide_why: "收起计算过程",
        computing: "正在计算……",
        why_failed: "计算过程无法显示：",
        /// "参加 50 人，应参加 60 人中至少 18 人": cast, eligible, needed.
        participation: "参加 {0} 人，应参加 {1} 人中至少 {2} 人",
        /// "三星由县委评定": the stars, who confirms them.
        confirmed_by: "{0}由{1}评定",
        /// "权重合计 90%".
        weights_total: "权重合计 {0}%",
        /// "其余权重按比例调整为：党委评定 42.86%、自评 17.14%": the others as they would be.
        balance_offer: "其余权重按比例调整为：{0}",
        /// The button that takes them.
        balance: "按比例调整",
        /// The group of the scheme menu that lists the schemes kept in the workshop.
        my_schemes: "我的方案",
        /// After the name of a scheme opened here (a file, a link, a trial applied).
        own_scheme: "（本页打开的方案）",
        open_scheme_file: "打开方案文件…",
        save_scheme_file: "保存为方案文件",
        /// "已按链接中的方案“红溪镇…”计算。": its name.
        scheme_opened: "已按链接中的方案“{0}”计算。",
        scheme_refused: "方案未采用，当前方案未改变：",
        unused: "本方案中不使用",
        unused_hint: "以下内容是在其他方案下填写的，本方案没有对应项，不参与计算；换回有对应项的方案即重新使用。",
        /// The saved inputs that could neither be read nor kept aside: offered as a file…
        unreadable_download: "下载原内容",
        /// …or given up, after which the inputs are saved over them.
        unreadable_discard: "舍弃原内容",
        /// Before the weights and thresholds in force, where they were changed on the page.
        adjusted_in_force: "据上述方案调整后",
    }
}

/// The strings of `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En if let Some(en) = english() => {
            table(&CALCULATOR_EN, || Strings::read(&en.calculator))
        }
        _ => &ZH,
    }
}

/// `text` in `lang`, or its Chinese where it has no English.
fn name(text: &dingji_rules::Text, lang: Lang) -> &str {
    text.get(lang)
}

/// An entry kept aside (`dingji_rules::carry`) as a line: "党员群众测评 · 较差：1",
/// "党委评定：92", "一票否决事项：…"; the calculator lists them, the workshop names those its
/// comparison leaves out.
pub fn unused_line(u: &dingji_rules::carry::Unused, lang: Lang) -> String {
    use dingji_rules::carry::Meaning;
    let s = strings(lang);
    let colon = s.colon();
    match &u.meaning {
        Meaning::Category(_) => format!("{}{colon}{}", s.category(), name(&u.name, lang)),
        Meaning::Veto(_) => format!("{}{colon}{}", s.vetoes(), name(&u.name, lang)),
        Meaning::Score => format!("{}{colon}{}", name(&u.source_name, lang), u.text),
        Meaning::Eligible => format!(
            "{} · {}{colon}{}",
            name(&u.source_name, lang),
            s.eligible(),
            u.text
        ),
        Meaning::Count(_) | Meaning::Indicator(_) => format!(
            "{} · {}{colon}{}",
            name(&u.source_name, lang),
            name(&u.name, lang),
            u.text
        ),
    }
}

/// `pattern` (a string of the tables with `{0}`, `{1}`…) with `args` in place.
pub use dingji_rules::text::fill_args as fill;

strings! {
    /// The strings of the list page (组织名单与批量定级).
    ListStrings, LIST_ZH, ListStringsAt {
        title: "组织名单与批量定级",
        subtitle: "一个党委所属全部组织：逐个评分，按比例规则定级评星，生成汇总表、后进名单与公示。",
        to_calculator: "单个组织计算",
        scheme: "定级方案",
        add_row: "添加组织",
        undo: "撤销",
        redo: "重做",
        import: "导入 CSV / Excel",
        workshop: "方案工坊",
        export_csv: "导出 CSV",
        export_xlsx: "导出 Excel",
        print: "打印公示",
        rank: "排名",
        composite: "综合评分",
        tier: "等次",
        stars: "星级",
        confirmer: "评定",
        to_next: "距上一等次",
        flags: "标记",
        actions: "操作",
        explain: "说明",
        duplicate: "复制",
        delete: "删除",
        unread: "输入有误",
        empty: "名单还是空的：添加组织，或导入 CSV / Excel，或从表格中复制后粘贴到第一格。",
        count_rows: "个组织",
        errors_title: "以下输入有误，这些组织暂不参与定级：",
        sort_by_rank: "按排名排序",
        all: "全部",
        filter_category: "分类",
        filter_tier: "等次",
        filter_stars: "星级",
        summary: "汇总表",
        total: "合计",
        count: "数量",
        quotas: "比例规则",
        /// Under the 汇总表 where a row's shares, each rounded, do not add up to 100%.
        shares_rounded: "因四舍五入，分项之和可能不等于 100%",
        laggards: "后进组织整改名单",
        rectify_from: "整改起始日期",
        rectify_months: "整改期限（月）",
        deadline: "整改期限至",
        follow_up: "目标",
        no_laggards: "没有最低等次的组织。",
        charts: "分布图",
        tier_chart: "等次分布",
        star_chart: "星级分布",
        histogram: "综合评分分布（竖线为等次分数线）",
        close: "关闭",
        publicity: "分类定级结果公示",
        publicity_date: "公示日期",
        /// A 公示 entry's note: its result set by the committee.
        overridden: "党委调整",
        /// A 公示 entry's note: moved by the quotas because of the committee's overrides.
        moved_by_override: "因党委调整按比例变动",
        import_title: "导入名单",
        import_choose: "选择文件（CSV：UTF-8 或 GBK；Excel：.xlsx）",
        import_sheet: "工作表",
        import_mapping: "列的对应（已按表头猜测，可修改）",
        import_ignore: "（不导入）",
        import_preview: "预览（前 5 行）",
        import_append: "追加到名单末尾",
        import_apply: "导入",
        import_cancel: "取消",
        import_errors: "导入前需要处理，名单未作任何改动",
        import_encoding: "编码",
        import_categories: "分类对照（文件中的写法 → 方案的分类）",
        import_fill_down: "空白分类沿用上一行（合并单元格）",
        import_fix_first: "处理完上面列出的问题后才能导入",
        import_unknown: "未识别，不导入",
        import_serial: "序号列，不导入",
        import_ambiguous: "可能是以下几列之一，请选择：",
        import_duplicate: "与此列重复，不导入：",
        import_synonym: "按同义词对应",
        import_pick: "请选择",
        reading: "正在读取：",
        dismiss: "知道了",
        bad_storage: "上次保存的名单无法读取，已另行保留：",
        bad_storage_not_kept: "上次保存的名单无法读取，且无法另行保留（浏览器存储已满或被禁用）；在您下载或舍弃原内容之前，本页的修改不会保存，也不会覆盖它：",
        save_failed: "无法在本机保存名单（浏览器存储已满或被禁用），刷新后将丢失。",
        privacy: "名单只保存在本机浏览器中，不会发送到任何服务器。",
        grid_label: "组织名单（可从 Excel / WPS 复制后粘贴）",
        preview_title: "公示预览（A4 纸，打印时只印这一页）",
        print_now: "打印",
        print_hint: "请先点击页面上的“打印公示”打开公示预览，再打印。",
        explaining: "正在生成说明……",
        mode_score: "直接录入得分",
        mode_votes: "按票数计算",
        mode_indicators: "按指标打分",
        goals_heading: "晋级所需",
        lang_toggle: "English",
        source_of_rules: "依据",
        /// A label's colon: full-width in Chinese, half-width in English.
        colon: "：",
        /// Between the items of a list in a sentence.
        list_sep: "、",
        /// Between the sentences of a notice.
        sentence_sep: "；",
        /// A cell refused: `{0}` what was typed.
        cell_not_number: "“{0}”不是数字",
        cell_not_count: "“{0}”不是人数或票数（应为 0 或正整数）",
        cell_not_yes: "应填“是”或留空，现为“{0}”",
        /// `{0}` what was typed, `{1}` the names it may be.
        cell_no_tier: "没有等次“{0}”（可填：{1}）",
        cell_no_stars: "没有星级“{0}”（可填：{1}）",
        /// `{0}` the row, `{1}` the column, `{2}` why.
        cell_refused: "第 {0} 行「{1}」：{2}",
        /// `{0}` the row in the list, `{1}` the line of the paste, `{2}` the column, `{3}` why.
        paste_problem: "第 {0} 行（粘贴的第 {1} 行）「{2}」列：{3}",
        paste_refused: "粘贴未执行：{0}",
        /// Another scheme chosen: overrides that name a tier or stars it does not have.
        overrides_lost: "新方案中没有同名的等次或星级，这些调整已取消（原值写入调整理由）：{0}",
        /// `{0}` the row, `{1}` the tier or star names it had.
        override_lost: "第 {0} 行「{1}」",
        /// `{0}` how many organizations an import added.
        imported: "已导入 {0} 个组织",
        /// The saved list that could neither be read nor kept aside: offered as a file…
        unreadable_download: "下载原内容",
        /// …or given up, after which the list is saved over it.
        unreadable_discard: "舍弃原内容",
        /// An override being typed, before its flags: what it still lacks.
        override_pending: "调整未完成（{0}），暂按未调整的结果",
    }
}

/// Why a cell's text was refused, in `lang`: a tier or star level refused is told the scheme's
/// names in `lang`.
pub fn cell_error_message(
    error: &crate::wire::columns::CellError,
    scheme: &dingji_rules::Scheme,
    lang: Lang,
) -> String {
    use crate::wire::columns::CellError;
    let s = list_strings(lang);
    let names = |names: Vec<&str>| names.join(s.list_sep());
    match error {
        CellError::NotANumber(text) => fill(s.cell_not_number(), &[text]),
        CellError::NotACount(text) => fill(s.cell_not_count(), &[text]),
        CellError::NotYes(text) => fill(s.cell_not_yes(), &[text]),
        CellError::NoTier(text) => {
            let tiers = names(scheme.tiers.iter().map(|t| t.name.get(lang)).collect());
            fill(s.cell_no_tier(), &[text, &tiers])
        }
        CellError::NoStars(text) => {
            let levels = scheme.stars.as_ref().map(|s| s.levels.as_slice());
            let stars = names(
                levels
                    .unwrap_or_default()
                    .iter()
                    .map(|l| l.name.get(lang))
                    .collect(),
            );
            fill(s.cell_no_stars(), &[text, &stars])
        }
    }
}

/// The list page's strings of `lang`.
pub fn list_strings(lang: Lang) -> &'static ListStrings {
    match lang {
        Lang::En if let Some(en) = english() => table(&LIST_EN, || ListStrings::read(&en.list)),
        _ => &LIST_ZH,
    }
}

/// The English catalogue, once in: the values of `assets/en.txt`'s two sections, in order, and
/// the rules crate's messages.
struct English {
    calculator: Vec<(&'static str, &'static str)>,
    list: Vec<(&'static str, &'static str)>,
    errors: Vec<(&'static str, &'static str)>,
    /// The presets' English: Chinese and English in turn.
    presets: Vec<&'static str>,
}

thread_local! {
    static ENGLISH: Cell<Option<&'static English>> = const { Cell::new(None) };
    // Each page's table is read from the catalogue when first asked for, so that neither page's
    // code names the other's strings.
    static CALCULATOR_EN: Cell<Option<&'static Strings>> = const { Cell::new(None) };
    static LIST_EN: Cell<Option<&'static ListStrings>> = const { Cell::new(None) };
}

fn english() -> Option<&'static English> {
    ENGLISH.with(Cell::get)
}

/// The table kept in `cell`, made once (and kept for the page's life).
fn table<T>(
    cell: &'static LocalKey<Cell<Option<&'static T>>>,
    make: impl FnOnce() -> T,
) -> &'static T {
    cell.with(|kept| {
        kept.get().unwrap_or_else(|| {
            let made: &'static T = Box::leak(Box::new(make()));
            kept.set(Some(made));
            made
        })
    })
}

/// Takes in the English catalogue: the `(key, value)` pairs of the calculator's and the list
/// page's sections of `assets/en.txt`, the scheme crate's messages by key, and the presets'
/// English (Chinese and English in turn). A second call changes nothing.
pub fn install_english(
    calculator: Vec<(&'static str, &'static str)>,
    list: Vec<(&'static str, &'static str)>,
    errors: Vec<(&'static str, &'static str)>,
    presets: Vec<&'static str>,
) {
    if english().is_none() {
        let english: &'static English = Box::leak(Box::new(English {
            calculator,
            list,
            errors,
            presets,
        }));
        ENGLISH.with(|cell| cell.set(Some(english)));
    }
}

/// The catalogue built in, for the bundles that are fetched on first use anyway (the workers,
/// the tools).
pub fn install_built_in() {
    let text = include_str!("../../assets/en.txt");
    install_english(
        section(text, 1).collect(),
        section(text, 2).collect(),
        dingji_rules::error::en_patterns().to_vec(),
        dingji_rules::presets::english().to_vec(),
    );
}

/// The preset schemes, with their English once the catalogue is in (the pages' first load does
/// not carry it: see `dingji_rules::presets::all_with`).
pub fn presets() -> Vec<std::rc::Rc<dingji_rules::Scheme>> {
    let english = english().map_or(&[][..], |en| &en.presets);
    dingji_rules::presets::all_with(english)
        .into_iter()
        .map(std::rc::Rc::new)
        .collect()
}

/// Whether the English catalogue is in.
pub fn has_english() -> bool {
    english().is_some()
}

/// The `key = value` lines of section `n` of the catalogue (sections start at a `[name]` line: 1
/// is the calculator's, 2 the list page's) as `(key, value)`; a value in quotes without them.
/// (`scripts/post-build.mjs` reads the catalogue the same way for the pages.)
fn section(text: &'static str, n: usize) -> impl Iterator<Item = (&'static str, &'static str)> {
    text.split('[')
        .nth(n)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| {
            let (key, value) = line.split_once('=')?;
            if key.starts_with('#') {
                return None;
            }
            let value = value.strip_prefix(' ').unwrap_or(value);
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(value);
            Some((key.trim_end(), value))
        })
}

/// An error of the rules crate in `lang` (in Chinese until the English catalogue is in).
pub fn error_message(error: &Error, lang: Lang) -> String {
    match lang {
        Lang::En if let Some(en) = english() => error.message_in(&en.errors),
        _ => error.message_in(dingji_rules::error::ZH),
    }
}

/// The error of `field` in `lang`, naming the field in `lang` (the rules name it in Chinese).
pub fn field_error_message(
    error: &Error,
    field: &dingji_rules::draft::Field,
    scheme: &dingji_rules::Scheme,
    lang: Lang,
) -> String {
    match lang {
        Lang::En if let Some(en) = english() => {
            error.message_naming(&en.errors, &field.names(scheme, lang))
        }
        _ => error.message_in(dingji_rules::error::ZH),
    }
}

/// The error of `field` in row `row` of organization `org`, in `lang`, naming the field in
/// `lang` (as `Error::in_row` says it).
pub fn row_error_message(
    error: &Error,
    field: &dingji_rules::draft::Field,
    (row, org): (usize, &str),
    scheme: &dingji_rules::Scheme,
    lang: Lang,
) -> String {
    match lang {
        Lang::En if let Some(en) = english() => {
            error.message_in_row(row, org, &en.errors, &field.names(scheme, lang))
        }
        _ => error.message_in_row(row, org, dingji_rules::error::ZH, &[]),
    }
}

/// Fetches the English catalogue (once) and calls `done` when it is in; at once if it is already.
/// A catalogue that cannot be fetched leaves the page in Chinese.
#[cfg(target_arch = "wasm32")]
pub fn load_english(done: impl FnOnce() + 'static) {
    if has_english() {
        done();
        return;
    }
    use wasm_bindgen::JsCast;
    // `self.dingjiEn`: four arrays of strings (the calculator's keys and values in turn, the list
    // page's the same, the messages as `key<TAB>pattern` lines, the presets' Chinese and English
    // in turn).
    crate::wire::client::load_script("./en.js", "dingjiEn", move |global| {
        // The file is the app's own (post-build.mjs writes it): only its absence is checked.
        if global.is_object() {
            let parts: &js_sys::Array = global.unchecked_ref();
            let part = |i: u32| -> Vec<&'static str> {
                let leak = |v: String| -> &'static str { v.leak() };
                let values: js_sys::Array = parts.get(i).unchecked_into();
                values
                    .iter()
                    .filter_map(|v| v.as_string())
                    .map(leak)
                    .collect()
            };
            let pairs = |values: Vec<&'static str>| -> Vec<(&'static str, &'static str)> {
                values.chunks_exact(2).map(|p| (p[0], p[1])).collect()
            };
            install_english(
                pairs(part(0)),
                pairs(part(1)),
                dingji_rules::error::keyed(part(2)),
                part(3),
            );
        }
        done();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATALOGUE: &str = include_str!("../../assets/en.txt");

    #[test]
    fn each_section_has_every_string_by_key_none_extra_none_twice() {
        for (n, fields) in [(1, &Strings::FIELDS[..]), (2, &ListStrings::FIELDS[..])] {
            let mut keys: Vec<&str> = section(CATALOGUE, n).map(|(k, _)| k).collect();
            keys.sort_unstable();
            let before = keys.len();
            keys.dedup();
            assert_eq!(keys.len(), before, "a key twice in section {n}");
            let mut fields = fields.to_vec();
            fields.sort_unstable();
            assert_eq!(keys, fields, "section {n}: a key missing or extra");
        }
        // Sections are found by their `[`: no value may hold one.
        assert_eq!(CATALOGUE.matches('[').count(), 2);
    }

    #[test]
    fn english_reads_from_the_catalogue_and_keeps_its_spaces() {
        install_built_in();
        let en = strings(Lang::En);
        assert_eq!(
            en.app_title(),
            "Grassroots Party organization grading calculator"
        );
        assert_eq!((en.colon(), en.paren_open()), (": ", " ("));
        assert_eq!(list_strings(Lang::En).source_of_rules(), "Source");
        assert_eq!(strings(Lang::Zh).colon(), "：");
        let error = Error::Empty {
            field: "Score".into(),
        }
        .in_row(2, "");
        assert_eq!(error_message(&error, Lang::En), "Row 2: \"Score\" is empty");
        assert_eq!(error_message(&error, Lang::Zh), "第 2 行：「Score」未填写");
    }
}

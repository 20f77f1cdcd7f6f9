//! Every string the user interface shows, in Simplified Chinese and English, in one place.
//! (Messages about the rules themselves — errors, explanations — come from the rules crate in
//! the same two languages.)

pub use dingji_rules::Lang;

/// The interface strings of one language.
pub struct Strings {
    pub app_title: &'static str,
    pub app_subtitle: &'static str,
    pub lang_toggle: &'static str,
    pub lang_toggle_label: &'static str,
    pub presentation_on: &'static str,
    pub presentation_off: &'static str,
    pub share: &'static str,
    pub share_title: &'static str,
    pub share_hint: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub close: &'static str,
    pub clear: &'static str,
    pub scheme: &'static str,
    pub category: &'static str,
    pub sources: &'static str,
    pub weight: &'static str,
    pub mode_score: &'static str,
    pub mode_indicators: &'static str,
    pub mode_votes: &'static str,
    pub entry_form: &'static str,
    pub score_label: &'static str,
    pub score_hint: &'static str,
    pub score_placeholder: &'static str,
    pub max_points: &'static str,
    pub deduct_points: &'static str,
    pub ballots: &'static str,
    pub eligible: &'static str,
    pub eligible_hint: &'static str,
    pub valid_ballots: &'static str,
    pub vote_score: &'static str,
    pub not_valid_ballot: &'static str,
    pub vetoes: &'static str,
    pub vetoes_hint: &'static str,
    pub result: &'static str,
    pub composite: &'static str,
    pub tier: &'static str,
    pub stars: &'static str,
    pub stale: &'static str,
    pub incomplete: &'static str,
    pub why: &'static str,
    pub to_next: &'static str,
    pub top_tier: &'static str,
    pub number_line: &'static str,
    pub contributions: &'static str,
    pub edit_scheme: &'static str,
    pub edit_scheme_hint: &'static str,
    pub weights: &'static str,
    pub thresholds: &'static str,
    pub modified: &'static str,
    pub reset_scheme: &'static str,
    pub weights_total: &'static str,
    pub lowest_tier_note: &'static str,
    pub source_of_rules: &'static str,
    pub dismiss: &'static str,
    pub link_opened: &'static str,
    pub bad_link: &'static str,
    pub bad_storage: &'static str,
    pub save_failed: &'static str,
    pub privacy: &'static str,
    pub example_note: &'static str,
    pub unreachable_max: &'static str,
    pub unreachable_eligible: &'static str,
    pub unreachable_limit: &'static str,
    pub show_why: &'static str,
    pub hide_why: &'static str,
    pub computing: &'static str,
    pub why_failed: &'static str,
}

const ZH: Strings = Strings {
    app_title: "基层党组织分类定级计算器",
    app_subtitle: "填入各评价主体的得分或票数，立即得出综合评分、等次与星级，并逐步说明依据。",
    lang_toggle: "English",
    lang_toggle_label: "切换到英文界面",
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
    sources: "各评价主体",
    weight: "权重",
    mode_score: "直接录入得分",
    mode_indicators: "按指标打分",
    mode_votes: "按票数计算",
    entry_form: "录入方式",
    score_label: "得分",
    score_hint: "百分制，可带小数",
    score_placeholder: "如 92",
    max_points: "满分",
    deduct_points: "扣分，满分",
    ballots: "票",
    eligible: "应参加测评人数",
    eligible_hint: "可不填；填写后检查参与人数",
    valid_ballots: "有效票",
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
    why: "计算过程",
    to_next: "晋级所需",
    top_tier: "已是最高等次。",
    number_line: "等次分数线与本组织得分",
    contributions: "各评价主体对综合评分的贡献",
    edit_scheme: "调整方案",
    edit_scheme_hint: "拖动滑块或直接输入数字；修改过的数值会标出，可一键恢复。",
    weights: "权重（%）",
    thresholds: "等次分数线（含下限）",
    modified: "已修改",
    reset_scheme: "恢复方案原值",
    weights_total: "权重合计",
    lowest_tier_note: "最低等次无下限",
    source_of_rules: "依据",
    dismiss: "知道了",
    link_opened: "已打开分享链接中的输入。",
    bad_link: "分享链接无法读取，当前输入未改变：",
    bad_storage: "上次保存的输入无法读取，已另行保留并重新开始：",
    save_failed: "无法在本机保存输入（浏览器存储已满或被禁用），刷新后将丢失。",
    privacy: "所有计算都在本机浏览器中完成，输入的内容不会发送到任何服务器。",
    example_note: "已填入 domain 示例（乡镇方案：党委评定 92，测评 30/15/4/1 票，自评 95），可直接修改或清空。",
    unreachable_max: "仅靠此项无法达到（满分也不够）",
    unreachable_eligible: "仅靠此项无法达到（剩余应参加人数全投“好”也不够）",
    unreachable_limit: "受一票否决或满意度限制，提高分数也无法晋级",
    show_why: "显示计算过程与晋级所需",
    hide_why: "收起计算过程",
    computing: "正在计算……",
    why_failed: "计算过程无法显示：",
};

const EN: Strings = Strings {
    app_title: "Grassroots Party organization grading calculator",
    app_subtitle: "Enter each evaluator's score or ballots; see the composite, tier and stars at once, with every step explained.",
    lang_toggle: "中文",
    lang_toggle_label: "Switch to Chinese",
    presentation_on: "Presentation mode",
    presentation_off: "Exit presentation",
    share: "Share link",
    share_title: "Share these inputs",
    share_hint: "The part after “#” is read only in the browser and never sent to the server. Opening the link shows the same inputs and result.",
    copy: "Copy",
    copied: "Copied",
    close: "Close",
    clear: "Clear inputs",
    scheme: "Scheme",
    category: "Category",
    sources: "Evaluators",
    weight: "Weight",
    mode_score: "Score",
    mode_indicators: "Indicators",
    mode_votes: "Ballots",
    entry_form: "Entered as",
    score_label: "Score",
    score_hint: "On 100 points; decimals allowed",
    score_placeholder: "e.g. 92",
    max_points: "max",
    deduct_points: "deducted, max",
    ballots: "ballots",
    eligible: "People eligible to vote",
    eligible_hint: "Optional; checks participation",
    valid_ballots: "Valid ballots",
    vote_score: "Vote score",
    not_valid_ballot: "not a valid ballot",
    vetoes: "Vetoes",
    vetoes_hint: "Any of these applies the scheme's rule whatever the score.",
    result: "Result",
    composite: "Composite",
    tier: "Tier",
    stars: "Stars",
    stale: "Out of date: correct the marked inputs first. This is the last result.",
    incomplete: "Still to fill in: ",
    why: "How it was computed",
    to_next: "To reach the next tier",
    top_tier: "Already the top tier.",
    number_line: "Tier thresholds and this organization's score",
    contributions: "Each evaluator's share of the composite",
    edit_scheme: "Adjust the scheme",
    edit_scheme_hint: "Drag a slider or type a number; changed values are marked and can be reset at once.",
    weights: "Weights (%)",
    thresholds: "Tier thresholds (inclusive)",
    modified: "changed",
    reset_scheme: "Reset to the scheme",
    weights_total: "Total",
    lowest_tier_note: "The lowest tier has no threshold",
    source_of_rules: "Source",
    dismiss: "OK",
    link_opened: "Opened the inputs of a share link.",
    bad_link: "The share link cannot be read; the current inputs are unchanged: ",
    bad_storage: "The saved inputs cannot be read; they were kept aside and the page starts afresh: ",
    save_failed: "Inputs cannot be saved in this browser (storage full or disabled); a reload will lose them.",
    privacy: "Everything is computed in this browser; nothing you type is sent to any server.",
    example_note: "Filled in with the worked example (township scheme: committee 92, ballots 30/15/4/1, self-assessment 95); change or clear it.",
    unreachable_max: "Cannot be reached through this alone (not even with full marks)",
    unreachable_eligible: "Cannot be reached through this alone (not even if everyone left votes 好)",
    unreachable_limit: "Held by a veto or satisfaction cap: a higher score does not help",
    show_why: "Show the working and what the next tier needs",
    hide_why: "Hide the working",
    computing: "Computing…",
    why_failed: "The working cannot be shown: ",
};

/// The strings of `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// "至少 93.63 分（现 92）" / "at least 93.63 (now 92)".
pub fn need_score(lang: Lang, needed: &str, current: &str) -> String {
    match lang {
        Lang::Zh => format!("至少 {needed} 分（现为 {current}）"),
        Lang::En => format!("at least {needed} (now {current})"),
    }
}

/// "再多 9 张“好”票（测评得分升至 83.56）".
pub fn need_ballots(lang: Lang, extra: u64, level: &str, score: &str) -> String {
    match lang {
        Lang::Zh => format!("再多 {extra} 张“{level}”票（测评得分升至 {score}）"),
        Lang::En => format!("{extra} more “{level}” ballots (vote score then {score})"),
    }
}

/// The heading of the goals: "晋级到“好”所需（其余不变）".
pub fn to_reach(lang: Lang, tier: &str) -> String {
    match lang {
        Lang::Zh => format!("要达到“{tier}”，在其他各项不变时："),
        Lang::En => format!("To reach “{tier}”, everything else unchanged:"),
    }
}

/// "参加 50 人，应参加 60 人中至少 18 人".
pub fn participation(lang: Lang, cast: u64, eligible: u64, needed: u64) -> String {
    match lang {
        Lang::Zh => format!("参加 {cast} 人，应参加 {eligible} 人中至少 {needed} 人"),
        Lang::En => format!("{cast} voted; at least {needed} of {eligible} should"),
    }
}

/// "三星由县委评定".
pub fn confirmed_by(lang: Lang, stars: &str, who: &str) -> String {
    match lang {
        Lang::Zh => format!("{stars}由{who}评定"),
        Lang::En => format!("{stars}: confirmed by {who}"),
    }
}

/// "权重合计 90%，应为 100%".
pub fn weights_total(lang: Lang, total: &str) -> String {
    match lang {
        Lang::Zh => format!("权重合计 {total}%"),
        Lang::En => format!("Total {total}%"),
    }
}

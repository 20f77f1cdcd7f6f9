//! Every string the user interface shows, in Simplified Chinese and English, in one place.

pub use dingji_rules::Lang;

/// The interface strings of one language.
pub struct Strings {
    pub app_title: &'static str,
    pub app_subtitle: &'static str,
    pub lang_toggle: &'static str,
    pub lang_toggle_label: &'static str,
    pub scheme: &'static str,
    pub composite: &'static str,
    pub composite_hint: &'static str,
    pub composite_placeholder: &'static str,
    pub tier: &'static str,
    pub rounded: &'static str,
    pub tiers_of_scheme: &'static str,
    pub threshold: &'static str,
    pub and_above: &'static str,
    pub below: &'static str,
    pub enter_a_score: &'static str,
    pub source_of_rules: &'static str,
    pub privacy: &'static str,
}

const ZH: Strings = Strings {
    app_title: "基层党组织分类定级计算器",
    app_subtitle: "输入综合评分，立即得出等次；每一步都有依据。",
    lang_toggle: "English",
    lang_toggle_label: "切换到英文界面",
    scheme: "定级方案",
    composite: "综合评分",
    composite_hint: "百分制，可输入小数，如 89.175",
    composite_placeholder: "例如 89.175",
    tier: "等次",
    rounded: "按方案取整",
    tiers_of_scheme: "本方案的等次与分数线",
    threshold: "分数线",
    and_above: "及以上",
    below: "以下",
    enter_a_score: "请输入综合评分",
    source_of_rules: "依据",
    privacy: "所有计算都在本机浏览器中完成，输入的内容不会发送到任何服务器。",
};

const EN: Strings = Strings {
    app_title: "Grassroots Party organization grading calculator",
    app_subtitle: "Type a composite score and see the tier at once, with every step shown.",
    lang_toggle: "中文",
    lang_toggle_label: "Switch to Chinese",
    scheme: "Scheme",
    composite: "Composite score",
    composite_hint: "On 100 points; decimals allowed, e.g. 89.175",
    composite_placeholder: "e.g. 89.175",
    tier: "Tier",
    rounded: "Rounded by the scheme",
    tiers_of_scheme: "Tiers and thresholds of this scheme",
    threshold: "Threshold",
    and_above: "and above",
    below: "below",
    enter_a_score: "Type a composite score",
    source_of_rules: "Source",
    privacy: "Everything is computed in this browser; nothing you type is sent to any server.",
};

/// The strings of `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

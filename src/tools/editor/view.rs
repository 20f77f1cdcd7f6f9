//! The scheme editor (编辑方案) in the workshop: every part of a scheme's shape — its name and
//! rounding, sources and their input forms, vote scales and participation, categories and
//! indicator sets, tiers with their follow-up and stars, star levels and the cap, the quotas'
//! rounding and scope, vetoes and satisfaction caps. Each value is marked where it differs from
//! the scheme the workshop started from, with a button that sets it back; the scheme's own
//! check ([`Scheme::validate`]) is shown at the section it concerns. Weights, thresholds and
//! quota shares are the workshop's sliders above, not repeated here.

use std::rc::Rc;

use dingji_rules::scheme::{CapBase, Limit, QuotaRounding, Scope, Scoring, SourceKind};
use dingji_rules::{Decimal, Error, Lang, Rounding, RoundingMode, Scheme, TierStars};
use yew::prelude::*;

use crate::tools::editor::fields::{
    Num, button, check, edit, limit_fields, num, quota_slot, rounding_from, rounding_of,
    rounding_options, row_actions, scope_from, scope_of, scope_options, section, section_error,
    select, star_options, text_field, zh,
};
use crate::tools::editor::{self, Form, Section, Set, written};

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The scheme as edited (with the weights and thresholds tried, where they read).
    pub shape: Rc<Scheme>,
    /// The scheme the workshop started from: what a value is marked against.
    pub start: Rc<Scheme>,
    /// Why the edited scheme is not valid, if it is not.
    pub error: Option<Error>,
    pub lang: Lang,
    /// The scheme with one change made.
    pub on_change: Callback<Scheme>,
}

#[component]
pub fn SchemeEditor(p: &EditorProps) -> Html {
    let (shape, start, lang, on) = (&p.shape, &p.start, p.lang, &p.on_change);
    let z = zh(lang);
    let t = |zh: &str, en: &str| -> String { (if z { zh } else { en }).to_owned() };

    // The name and the rounding.
    let basics = html! {
        <div class="ed-row">
            { text_field("ed-name".into(), t("方案名称", "Scheme name"), shape.name.get(lang), Some(start.name.get(lang)),
                edit(shape, on, |s, v: String| s.name = written(&v)), lang) }
            { num("ed-decimals".into(), t("保留小数位数", "Decimals"), shape.rounding.decimals.into(), Some(start.rounding.decimals.into()),
                edit(shape, on, |s, v: Decimal| s.rounding.decimals = u32::try_from(v.trunc().mantissa()).unwrap_or(u32::MAX)), lang) }
            { select("ed-rounding-mode".into(), t("舍入方式", "Rounding"),
                [RoundingMode::HalfUp, RoundingMode::HalfEven, RoundingMode::Truncate].iter().enumerate()
                    .map(|(i, m)| (i.to_string(), m.name(lang).to_owned())).collect(),
                &[RoundingMode::HalfUp, RoundingMode::HalfEven, RoundingMode::Truncate].iter().position(|m| *m == shape.rounding.mode).unwrap_or(0).to_string(),
                edit(shape, on, |s, v: String| s.rounding = Rounding { mode: match v.as_str() {
                    "1" => RoundingMode::HalfEven, "2" => RoundingMode::Truncate, _ => RoundingMode::HalfUp }, ..s.rounding })) }
        </div>
    };

    // Sources, and the scale of each vote.
    let many_sources = shape.sources.len() > 1;
    let sources = shape.sources.iter().enumerate().map(|(i, source)| {
        let id = format!("ed-source-{i}");
        let was = start.source(&source.id).map(|(_, s)| s);
        let name = source.name.get(lang).to_owned();
        let form = Form::of(&source.input);
        let scale = match &source.input {
            SourceKind::Vote(scale) => {
                let was_scale = match was.map(|w| &w.input) { Some(SourceKind::Vote(s)) => Some(s), _ => None };
                let levels = scale.levels.iter().enumerate().map(|(k, level)| {
                    let lid = format!("{id}-level-{k}");
                    let was_level = was_scale.and_then(|s| s.levels.get(k));
                    // A scale that is new with its source is marked once, at the source.
                    let was_name = match was_scale {
                        Some(_) => was_level.map(|l| l.name.get(lang)),
                        None => Some(level.name.get(lang)),
                    };
                    html! {
                        <div class="ed-row">
                            { text_field(format!("{lid}-name"), t("等级", "Level"), level.name.get(lang), was_name,
                                edit(shape, on, move |s, v: String| if let Some(l) = editor::scale_mut(s, i).and_then(|sc| sc.levels.get_mut(k)) { l.name = written(&v) }), lang) }
                            { num(format!("{lid}-points"), t("每票分值", "Points a ballot"), level.points, was_level.map(|l| l.points),
                                edit(shape, on, move |s, v: Decimal| if let Some(l) = editor::scale_mut(s, i).and_then(|sc| sc.levels.get_mut(k)) { l.points = v }), lang) }
                            { check(format!("{lid}-valid"), t("计入有效票", "A valid ballot"), level.valid,
                                edit(shape, on, move |s, v: bool| if let Some(l) = editor::scale_mut(s, i).and_then(|sc| sc.levels.get_mut(k)) { l.valid = v })) }
                            { row_actions(&lid, level.name.get(lang), None, (scale.levels.len() > 1).then(||
                                edit(shape, on, move |s, ()| if let Some(sc) = editor::scale_mut(s, i) { sc.levels.remove(k); })), lang) }
                        </div>
                    }
                }).collect::<Html>();
                let participation = scale.participation.clone();
                html! {
                    <div class="ed-sub">
                        <h5>{ format!("{}{}", name, if z { " · 测评等级" } else { " · ballot levels" }) }</h5>
                        { levels }
                        <div class="ed-row">
                            { button(format!("{id}-add-level"), t("添加等级", "Add a level"), edit(shape, on, move |s, ()| if let Some(sc) = editor::scale_mut(s, i) {
                                let n = sc.levels.len() + 1;
                                sc.levels.push(dingji_rules::scheme::VoteLevel { name: dingji_rules::Text::new(format!("等级{n}"), format!("Level {n}")), points: Decimal::ZERO, valid: true });
                            })) }
                            { num(format!("{id}-satisfied"), t("前几个等级算“满意”", "Levels counted satisfied"), scale.satisfied_levels.into(),
                                was_scale.map(|s| s.satisfied_levels.into()),
                                edit(shape, on, move |s, v: Decimal| if let Some(sc) = editor::scale_mut(s, i) { sc.satisfied_levels = usize::try_from(v.trunc().mantissa()).unwrap_or(0) }), lang) }
                            { check(format!("{id}-participation"), t("参与比例要求", "Participation rule"), participation.is_some(),
                                edit(shape, on, move |s, v: bool| if let Some(sc) = editor::scale_mut(s, i) {
                                    sc.participation = v.then(|| dingji_rules::scheme::Participation { min_share: Decimal::from(80), everyone_below: None });
                                })) }
                            if let Some(part) = participation {
                                { num(format!("{id}-min-share"), t("参与人数不少于（%）", "At least (%) vote"), part.min_share, None,
                                    edit(shape, on, move |s, v: Decimal| if let Some(p) = editor::scale_mut(s, i).and_then(|sc| sc.participation.as_mut()) { p.min_share = v }), lang) }
                                { num(format!("{id}-everyone-below"), t("少于此人数时全员参与", "Everyone votes below"), part.everyone_below.unwrap_or(0).into(), None,
                                    edit(shape, on, move |s, v: Decimal| if let Some(p) = editor::scale_mut(s, i).and_then(|sc| sc.participation.as_mut()) {
                                        p.everyone_below = u64::try_from(v.trunc().mantissa()).ok().filter(|n| *n > 0) }), lang) }
                            }
                        </div>
                    </div>
                }
            }
            _ => Html::default(),
        };
        html! {
            <div class="ed-item">
                <div class="ed-row">
                    { text_field(format!("{id}-name"), t("评价主体", "Source"), &name, was.map(|w| w.name.get(lang)),
                        edit(shape, on, move |s, v: String| if let Some(x) = s.sources.get_mut(i) { x.name = written(&v) }), lang) }
                    { select(format!("{id}-form"), t("计分方式", "Input"),
                        Form::ALL.iter().map(|f| (format!("{f:?}"), f.name(z).to_owned())).collect(), &format!("{form:?}"),
                        edit(shape, on, move |s, v: String| {
                            let f = Form::ALL.into_iter().find(|f| format!("{f:?}") == v).unwrap_or(Form::Direct);
                            editor::set_form(s, i, f);
                        })) }
                    { row_actions(&id, &name, (i > 0).then(|| edit(shape, on, move |s, ()| editor::move_up(&mut s.sources, i))),
                        many_sources.then(|| edit(shape, on, move |s, ()| editor::remove_source(s, i))), lang) }
                </div>
                { scale }
            </div>
        }
    }).collect::<Html>();

    // Categories and indicator sets.
    let uses_indicators = shape
        .sources
        .iter()
        .any(|s| s.input == SourceKind::Indicators);
    let many_categories = shape.categories.len() > 1;
    let categories = shape.categories.iter().enumerate().map(|(i, c)| {
        let id = format!("ed-category-{i}");
        let cid = c.id.clone();
        let own = shape.category_indicators.iter().any(|(x, _)| *x == c.id);
        html! {
            <div class="ed-row">
                { text_field(format!("{id}-name"), t("分类", "Category"), c.name.get(lang), start.category(&c.id).map(|w| w.name.get(lang)),
                    edit(shape, on, move |s, v: String| if let Some(x) = s.categories.get_mut(i) { x.name = written(&v) }), lang) }
                if uses_indicators {
                    { check(format!("{id}-own"), t("本类单独设指标", "Its own indicators"), own,
                        edit(shape, on, move |s, v: bool| editor::own_set(s, &cid, v))) }
                }
                { row_actions(&id, c.name.get(lang), None, many_categories.then(|| edit(shape, on, move |s, ()| editor::remove_category(s, i))), lang) }
            </div>
        }
    }).collect::<Html>();
    let sets: Vec<(Set, String)> = std::iter::once((Set::Shared, t("通用指标", "Indicators")))
        .chain(shape.category_indicators.iter().map(|(c, _)| {
            let name = shape.category(c).map_or(c.as_str(), |x| x.name.get(lang));
            (
                Set::Own(c.clone()),
                format!("{name}{}", if z { " · 指标" } else { " · indicators" }),
            )
        }))
        .collect();
    let indicator_sets = sets.into_iter().enumerate().map(|(n, (set, title))| {
        let items = set.get(shape);
        let was_items = set.get(start);
        let sid = format!("ed-set-{n}");
        let total = editor::base_total(items);
        let rows = items.iter().enumerate().map(|(k, item)| {
            let id = format!("{sid}-{k}");
            let was = was_items.iter().find(|w| w.id == item.id);
            let (s1, s2, s3, s4, s5, s6, s7, s8) = (set.clone(), set.clone(), set.clone(), set.clone(), set.clone(), set.clone(), set.clone(), set.clone());
            html! {
                <div class="ed-item ed-row">
                    { text_field(format!("{id}-name"), t("指标", "Indicator"), item.name.get(lang), was.map(|w| w.name.get(lang)),
                        edit(shape, on, move |s, v: String| if let Some(x) = s1.get_mut(s).and_then(|v| v.get_mut(k)) { x.name = written(&v) }), lang) }
                    <Num id={format!("{id}-max")} label={t("分值", "Points")} value={item.max} was={was.map(|w| w.max)} slider=true {lang}
                        on={edit(shape, on, move |s, v: Decimal| if let Some(x) = s2.get_mut(s).and_then(|v| v.get_mut(k)) { x.max = v })} />
                    { text_field(format!("{id}-points"), t("评分要点", "Scoring points"), item.points.get(lang), was.map(|w| w.points.get(lang)),
                        edit(shape, on, move |s, v: String| if let Some(x) = s3.get_mut(s).and_then(|v| v.get_mut(k)) { x.points = written(&v) }), lang) }
                    { select(format!("{id}-scoring"), t("计分", "Scoring"),
                        vec![("add".into(), t("加分（得分）", "points earned")), ("deduct".into(), t("扣分（扣完为止）", "points deducted"))],
                        if item.scoring == Scoring::Deduct { "deduct" } else { "add" },
                        edit(shape, on, move |s, v: String| if let Some(x) = s4.get_mut(s).and_then(|v| v.get_mut(k)) {
                            x.scoring = if v == "deduct" { Scoring::Deduct } else { Scoring::Add } })) }
                    { check(format!("{id}-bonus"), t("加分项", "Bonus item"), item.bonus,
                        edit(shape, on, move |s, v: bool| if let Some(x) = s5.get_mut(s).and_then(|v| v.get_mut(k)) { x.bonus = v })) }
                    { check(format!("{id}-custom"), t("自设项（x）", "Own item (x)"), item.custom,
                        edit(shape, on, move |s, v: bool| if let Some(x) = s6.get_mut(s).and_then(|v| v.get_mut(k)) { x.custom = v })) }
                    { row_actions(&id, item.name.get(lang),
                        (k > 0).then(|| edit(shape, on, move |s, ()| if let Some(v) = s7.get_mut(s) { editor::move_up(v, k) })),
                        Some(edit(shape, on, move |s, ()| if let Some(v) = s8.get_mut(s) { v.remove(k); })), lang) }
                </div>
            }
        }).collect::<Html>();
        let add = { let set = set.clone(); edit(shape, on, move |s, ()| editor::add_indicator(s, &set)) };
        html! {
            <div class="ed-sub">
                <h5>{ title }</h5>
                { rows }
                <div class="ed-row">
                    { button(format!("{sid}-add"), t("添加指标", "Add an indicator"), add) }
                    <span class={classes!("ed-total", (total != Decimal::ONE_HUNDRED).then_some("error"))} id={format!("{sid}-total")}>
                        { format!("{}{} / 100", if z { "基础分合计 " } else { "Base points " }, total.normalize()) }</span>
                </div>
            </div>
        }
    }).collect::<Html>();
    let bonus = html! {
        <div class="ed-row">
            { check("ed-bonus-cap-on".into(), t("加分上限", "Bonus cap"), shape.bonus_cap.is_some(),
                edit(shape, on, |s, v: bool| s.bonus_cap = v.then(|| Decimal::from(5)))) }
            if let Some(cap) = shape.bonus_cap {
                { num("ed-bonus-cap".into(), t("加分最多（分）", "At most (points)"), cap, start.bonus_cap,
                    edit(shape, on, |s, v: Decimal| s.bonus_cap = Some(v)), lang) }
            }
        </div>
    };

    // Tiers: names, follow-up, stars.
    let star_levels = star_options(shape, lang);
    let tiers = shape.tiers.iter().enumerate().map(|(i, tier)| {
        let id = format!("ed-tier-{i}");
        let was = start.tiers.get(i);
        let stars = if shape.stars.is_some() {
            let kind = match tier.stars { TierStars::None => "none", TierStars::Fixed(_) => "fixed", TierStars::Split { .. } => "split" };
            let top = shape.stars.as_ref().and_then(|s| s.levels.first()).map_or(0, |l| l.stars);
            let stars_select = |fid: String, label: String, value: u8, f: fn(&mut TierStars, u8)| {
                select(fid, label, star_levels.clone(), &value.to_string(),
                    edit(shape, on, move |s, v: String| if let Some(x) = s.tiers.get_mut(i) { f(&mut x.stars, v.parse().unwrap_or(0)) }))
            };
            html! {
                <>
                    { select(format!("{id}-stars-kind"), t("星级", "Stars"),
                        vec![("none".into(), t("不定星", "none")), ("fixed".into(), t("固定", "fixed")), ("split".into(), t("按分数分段", "split at a score"))],
                        kind, edit(shape, on, move |s, v: String| if let Some(x) = s.tiers.get_mut(i) {
                            // A tier's stars so far are where a new mapping starts.
                            let at = x.min.unwrap_or(Decimal::from(60));
                            let now = x.stars.possible().first().copied().unwrap_or(top);
                            x.stars = match (v.as_str(), x.stars) {
                                ("fixed", TierStars::Fixed(_)) | ("split", TierStars::Split { .. }) => x.stars,
                                ("fixed", _) => TierStars::Fixed(now),
                                ("split", _) => TierStars::Split { at, above: now, below: now.saturating_sub(1) },
                                _ => TierStars::None,
                            }
                        })) }
                    { match tier.stars {
                        TierStars::Fixed(n) => stars_select(format!("{id}-stars"), t("星级", "Stars"), n, |x, n| *x = TierStars::Fixed(n)),
                        TierStars::Split { at, above, below } => html! { <>
                            { num(format!("{id}-split-at"), t("分段分数（≥）", "Split at (≥)"), at, None,
                                edit(shape, on, move |s, v: Decimal| if let Some(TierStars::Split { at, .. }) = s.tiers.get_mut(i).map(|x| &mut x.stars) { *at = v }), lang) }
                            { stars_select(format!("{id}-stars-above"), t("达到时", "At or above"), above,
                                |x, n| if let TierStars::Split { above, .. } = x { *above = n }) }
                            { stars_select(format!("{id}-stars-below"), t("未达到时", "Below"), below,
                                |x, n| if let TierStars::Split { below, .. } = x { *below = n }) }
                        </> },
                        TierStars::None => Html::default(),
                    } }
                </>
            }
        } else {
            Html::default()
        };
        html! {
            <div class="ed-item ed-row">
                { text_field(format!("{id}-name"), t("等次", "Tier"), tier.name.get(lang), was.map(|w| w.name.get(lang)),
                    edit(shape, on, move |s, v: String| if let Some(x) = s.tiers.get_mut(i) { x.name = written(&v) }), lang) }
                { text_field(format!("{id}-follow-up"), t("后续要求", "Follow-up"), tier.follow_up.get(lang), was.map(|w| w.follow_up.get(lang)),
                    edit(shape, on, move |s, v: String| if let Some(x) = s.tiers.get_mut(i) { x.follow_up = written(&v) }), lang) }
                { stars }
                { row_actions(&id, tier.name.get(lang), None, (shape.tiers.len() > 2).then(|| edit(shape, on, move |s, ()| editor::remove_tier(s, i))), lang) }
            </div>
        }
    }).collect::<Html>();

    // Stars: levels and the cap.
    let stars = match &shape.stars {
        None => Html::default(),
        Some(stars) => {
            let levels = stars.levels.iter().enumerate().map(|(k, level)| {
                let id = format!("ed-star-{k}");
                let was = start.star_level(level.stars);
                html! {
                    <div class="ed-row">
                        { num(format!("{id}-count"), t("星数", "Stars"), level.stars.into(), was.map(|w| w.stars.into()),
                            edit(shape, on, move |s, v: Decimal| if let Some(l) = s.stars.as_mut().and_then(|x| x.levels.get_mut(k)) {
                                l.stars = u8::try_from(v.trunc().mantissa()).unwrap_or(u8::MAX) }), lang) }
                        { text_field(format!("{id}-name"), t("名称", "Name"), level.name.get(lang), was.map(|w| w.name.get(lang)),
                            edit(shape, on, move |s, v: String| if let Some(l) = s.stars.as_mut().and_then(|x| x.levels.get_mut(k)) { l.name = written(&v) }), lang) }
                        { text_field(format!("{id}-confirmer"), t("确认机关", "Confirmed by"), level.confirmer.get(lang), was.map(|w| w.confirmer.get(lang)),
                            edit(shape, on, move |s, v: String| if let Some(l) = s.stars.as_mut().and_then(|x| x.levels.get_mut(k)) { l.confirmer = written(&v) }), lang) }
                        { row_actions(&id, level.name.get(lang), None, (stars.levels.len() > 1).then(||
                            edit(shape, on, move |s, ()| if let Some(x) = s.stars.as_mut() { x.levels.remove(k); })), lang) }
                    </div>
                }
            }).collect::<Html>();
            let cap = stars.cap.clone();
            let cap_fields = cap.map(|cap| {
                let base_options: Vec<(String, String)> = std::iter::once(("all".to_owned(), t("全部组织", "all organizations")))
                    .chain((0..shape.tiers.len()).map(|i| (i.to_string(), format!("{}{}", shape.tier_name(i, lang), if z { "等次的组织" } else { " organizations" }))))
                    .collect();
                let base = match cap.base { CapBase::All => "all".to_owned(), CapBase::Tier(i) => i.to_string() };
                let with_cap = |f: fn(&mut dingji_rules::scheme::StarCap, String)| edit(shape, on, move |s, v: String| {
                    if let Some(c) = s.stars.as_mut().and_then(|x| x.cap.as_mut()) { f(c, v) }
                });
                html! {
                    <div class="ed-row">
                        { select("ed-star-cap-stars".into(), t("限额的星级", "Capped level"), star_levels.clone(), &cap.stars.to_string(),
                            with_cap(|c, v| c.stars = v.parse().unwrap_or(c.stars))) }
                        { select("ed-star-cap-base".into(), t("比例基数", "Share of"), base_options, &base,
                            with_cap(|c, v| c.base = v.parse().map_or(CapBase::All, CapBase::Tier))) }
                        { select("ed-star-cap-rounding".into(), t("名额取整", "Count rounded"), rounding_options(lang), rounding_of(cap.rounding),
                            with_cap(|c, v| c.rounding = rounding_from(&v))) }
                        { select("ed-star-cap-scope".into(), t("范围", "Counted"), scope_options(lang), scope_of(cap.scope),
                            with_cap(|c, v| c.scope = scope_from(&v))) }
                        { select("ed-star-cap-demote".into(), t("超出的改为", "The rest get"), star_levels.clone(), &cap.demote_to.to_string(),
                            with_cap(|c, v| c.demote_to = v.parse().unwrap_or(c.demote_to))) }
                    </div>
                }
            });
            html! {
                <>
                    { levels }
                    <div class="ed-row">
                        { button("ed-add-star".into(), t("添加星级", "Add a level"), edit(shape, on, |s, ()| if let Some(x) = s.stars.as_mut() {
                            let n = x.levels.iter().map(|l| l.stars).max().map_or(0, |m| m.saturating_add(1));
                            x.levels.insert(0, dingji_rules::scheme::StarLevel { stars: n, name: dingji_rules::Text::new(format!("{n}星级"), format!("{n} stars")), confirmer: Default::default() });
                        })) }
                        { check("ed-star-cap-on".into(), t("最高星级限额", "Cap on the top level"), stars.cap.is_some(),
                            edit(shape, on, |s, v: bool| if let Some(x) = s.stars.as_mut() { x.cap = if v { editor::star_cap(x) } else { None } })) }
                    </div>
                    { for cap_fields }
                </>
            }
        }
    };

    // Quotas: the floor and the top cap, their rounding and scope (shares are the sliders above).
    let quota_rows = [(true, t("最低等次不少于", "Lowest tier at least")), (false, t("最高等次不超过", "Top tier at most"))]
        .into_iter()
        .map(|(floor, label)| {
            let id = if floor { "ed-floor" } else { "ed-top" };
            let get = move |s: &Scheme| if floor { s.distribution.min_lowest.clone() } else { s.distribution.max_top.clone() };
            let quota = get(shape);
            let on_off = edit(shape, on, move |s, v: bool| *quota_slot(s, floor) = v.then(|| if floor {
                editor::quota(5, QuotaRounding::Ceil) } else { editor::quota(20, QuotaRounding::Floor) }));
            let with = move |f: fn(&mut dingji_rules::scheme::Quota, String)| edit(shape, on, move |s, v: String| {
                if let Some(q) = quota_slot(s, floor).as_mut() { f(q, v) }
            });
            let per_category = quota.as_ref().filter(|q| q.scope == Scope::Category).map(|q| {
                shape.categories.iter().map(|c| {
                    let cid = c.id.clone();
                    let value = q.per_category.iter().find(|(x, _)| *x == c.id).map_or(q.share, |(_, v)| *v);
                    num(format!("{id}-cat-{}", c.id), format!("{}（%）", c.name.get(lang)), value, None,
                        edit(shape, on, move |s, v: Decimal| if let Some(q) = quota_slot(s, floor).as_mut() {
                            match q.per_category.iter_mut().find(|(x, _)| *x == cid) {
                                Some((_, share)) => *share = v,
                                None => q.per_category.push((cid.clone(), v)),
                            }
                        }), lang)
                }).collect::<Html>()
            });
            html! {
                <div class="ed-row">
                    { check(format!("{id}-on"), label, quota.is_some(), on_off) }
                    if let Some(q) = &quota {
                        { select(format!("{id}-rounding"), t("名额取整", "Count rounded"), rounding_options(lang), rounding_of(q.rounding),
                            with(|q, v| q.rounding = rounding_from(&v))) }
                        { select(format!("{id}-scope"), t("范围", "Counted"), scope_options(lang), scope_of(q.scope),
                            with(|q, v| q.scope = scope_from(&v))) }
                    }
                    { for per_category }
                </div>
            }
        })
        .collect::<Html>();

    // Vetoes and satisfaction caps.
    let vetoes = shape.vetoes.iter().enumerate().map(|(i, veto)| {
        let id = format!("ed-veto-{i}");
        let was = start.vetoes.iter().find(|v| v.id == veto.id);
        html! {
            <div class="ed-item ed-row">
                { text_field(format!("{id}-name"), t("否决事项", "Veto"), veto.name.get(lang), was.map(|w| w.name.get(lang)),
                    edit(shape, on, move |s, v: String| if let Some(x) = s.vetoes.get_mut(i) { x.name = written(&v) }), lang) }
                { limit_fields(&id, shape, veto.limit, edit(shape, on, move |s, l: Limit| if let Some(x) = s.vetoes.get_mut(i) { x.limit = l }), lang) }
                { row_actions(&id, veto.name.get(lang), None, Some(edit(shape, on, move |s, ()| { s.vetoes.remove(i); })), lang) }
            </div>
        }
    }).collect::<Html>();
    let votes: Vec<(String, String)> = shape
        .sources
        .iter()
        .filter(|s| Form::of(&s.input) == Form::Vote)
        .map(|s| (s.id.clone(), s.name.get(lang).to_owned()))
        .collect();
    let caps = shape.satisfaction_caps.iter().enumerate().map(|(i, cap)| {
        let id = format!("ed-satisfaction-{i}");
        html! {
            <div class="ed-item ed-row">
                { select(format!("{id}-source"), t("测评", "Vote"), votes.clone(), &cap.source,
                    edit(shape, on, move |s, v: String| if let Some(x) = s.satisfaction_caps.get_mut(i) { x.source = v })) }
                { num(format!("{id}-below"), t("满意率低于（%）", "Satisfied below (%)"), cap.below, None,
                    edit(shape, on, move |s, v: Decimal| if let Some(x) = s.satisfaction_caps.get_mut(i) { x.below = v }), lang) }
                { limit_fields(&id, shape, cap.limit, edit(shape, on, move |s, l: Limit| if let Some(x) = s.satisfaction_caps.get_mut(i) { x.limit = l }), lang) }
                { row_actions(&id, &t("满意度", "satisfaction"), None, Some(edit(shape, on, move |s, ()| { s.satisfaction_caps.remove(i); })), lang) }
            </div>
        }
    }).collect::<Html>();

    let error = &p.error;
    html! {
        <div class="scheme-editor" id="scheme-editor">
            if let Some(e) = error {
                <p class="error" role="alert" id="ed-error">{ format!("{}{}", if z { "方案有误：" } else { "The scheme is not valid: " }, e.message(lang)) }</p>
            }
            { section(t("名称与舍入", "Name and rounding"), basics, None, section_error(error, Section::Rounding, lang)) }
            { section(t("评价主体", "Sources"), sources,
                Some(button("ed-add-source".into(), t("添加评价主体", "Add a source"), edit(shape, on, |s, ()| editor::add_source(s)))),
                section_error(error, Section::Sources, lang)) }
            { section(t("分类", "Categories"), categories,
                Some(button("ed-add-category".into(), t("添加分类", "Add a category"), edit(shape, on, |s, ()| editor::add_category(s)))),
                section_error(error, Section::Categories, lang)) }
            if uses_indicators {
                { section(t("指标（分值即权重，基础分合计 100）", "Indicators (points are weights; base points total 100)"),
                    html! { <>{ indicator_sets }{ bonus }</> }, None, section_error(error, Section::Indicators, lang)) }
            }
            { section(t("等次", "Tiers"), tiers,
                Some(button("ed-add-tier".into(), t("添加等次", "Add a tier"), edit(shape, on, |s, ()| editor::add_tier(s)))),
                section_error(error, Section::Tiers, lang)) }
            <h4>{ t("星级", "Stars") }</h4>
            { check("ed-stars-on".into(), t("评定星级", "Give stars"), shape.stars.is_some(), edit(shape, on, |s, v: bool| editor::set_stars(s, v))) }
            { stars }
            { section_error(error, Section::Stars, lang) }
            <h4>{ t("比例规则", "Quotas") }</h4>
            { quota_rows }
            { section_error(error, Section::Quotas, lang) }
            <h4>{ t("一票否决与满意度", "Vetoes and satisfaction") }</h4>
            { vetoes }
            { button("ed-add-veto".into(), t("添加否决事项", "Add a veto"), edit(shape, on, |s, ()| editor::add_veto(s))) }
            { caps }
            if !votes.is_empty() {
                { button("ed-add-satisfaction".into(), t("添加满意度规则", "Add a satisfaction rule"), edit(shape, on, |s, ()| { editor::add_satisfaction_cap(s); })) }
            }
            { section_error(error, Section::Vetoes, lang) }
        </div>
    }
}

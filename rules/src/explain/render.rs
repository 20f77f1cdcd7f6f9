//! The steps as sentences, in either language.

use rust_decimal::Decimal;

use super::step::{Cause, Step, Term};
use crate::evaluate::Flag;
use crate::fmt::{is_exact, num, pct, rate};
use crate::org::Org;
use crate::ratio::Ratio;
use crate::scheme::{CapBase, Limit, Scheme, Scoring, SourceKind};
use crate::text::Lang;
use crate::tier::TierDecision;

/// The whole explanation as text, one line per step.
pub fn render_all(scheme: &Scheme, org: &Org, steps: &[Step], lang: Lang) -> Vec<String> {
    steps.iter().map(|s| s.render(scheme, org, lang)).collect()
}

/// `template` with each `{}` replaced by the next of `args`, in order (the rules' one
/// [`crate::text::fill`]).
pub use crate::text::fill_args as fill;

/// The template of `lang`.
fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    if lang == Lang::Zh { zh } else { en }
}

/// "综合评分 = 92 × 50% + 80.6 × 30% + 95 × 20% = 46 + 24.18 + 19 = 89.18". In a line with a
/// number that does not end, the numbers are shown rounded and the line's equals signs become ≈
/// (rather than marking each number).
pub fn composite_line(terms: &[Term], exact: Ratio, lang: Lang) -> String {
    let plain = |d: Ratio| num(d).trim_start_matches('≈').to_owned();
    let weighted: Vec<String> = terms
        .iter()
        .map(|t| fill("{} × {}", &[&plain(t.score), &pct(t.weight)]))
        .collect();
    let products: Vec<String> = terms.iter().map(|t| plain(t.product)).collect();
    let exact_all = terms
        .iter()
        .all(|t| is_exact(t.product) && is_exact(t.score))
        && is_exact(exact);
    let eq = if exact_all { "=" } else { "≈" };
    let label = tr(lang, "综合评分", "Composite");
    if terms.len() == 1 {
        fill(
            "{} = {} {} {}",
            &[label, &weighted.join(" + "), eq, &plain(exact)],
        )
    } else {
        fill(
            "{} = {} {} {} {} {}",
            &[
                label,
                &weighted.join(" + "),
                eq,
                &products.join(" + "),
                eq,
                &plain(exact),
            ],
        )
    }
}

/// "89.175 → 89.18（四舍五入到两位小数）".
pub fn rounding_line(scheme: &Scheme, exact: Ratio, rounded: Decimal, lang: Lang) -> String {
    fill(
        tr(lang, "{} → {}（{}）", "{} → {} ({})"),
        &[
            &num(exact),
            &rounded.to_string(),
            &scheme.rounding.describe(lang),
        ],
    )
}

/// "80 ≤ 89.18 < 90 → 较好".
pub fn threshold_line(scheme: &Scheme, decision: &TierDecision, lang: Lang) -> String {
    fill(
        "{} → {}",
        &[
            &decision.comparison(),
            scheme.tier_name(decision.tier, lang),
        ],
    )
}

impl Step {
    /// The step as a line of text in `lang`.
    pub fn render(&self, scheme: &Scheme, org: &Org, lang: Lang) -> String {
        let source_name = |i: usize| scheme.sources.get(i).map_or("", |s| s.name.get(lang));
        let tier = |i: usize| scheme.tier_name(i, lang);
        let stars = |n: u8| scheme.star_name(n, lang);
        match self {
            Step::Direct { source, score } => fill(
                tr(lang, "{}：{} 分（直接录入）", "{}: {} (entered directly)"),
                &[source_name(*source), &num(*score)],
            ),
            Step::Indicators {
                source,
                category,
                items,
                bonus_cap,
                total,
            } => {
                let category = scheme
                    .categories
                    .get(*category)
                    .map_or("", |c| c.id.as_str());
                let set = scheme.indicators_for(category);
                let mut parts = Vec::new();
                let mut bonus = Decimal::ZERO;
                for item in items {
                    let Some(ind) = set.get(item.indicator) else {
                        continue;
                    };
                    let (name, max, entry, points) = (
                        ind.name.get(lang),
                        num(ind.max),
                        num(item.entry),
                        num(item.points),
                    );
                    let part = match ind.scoring {
                        Scoring::Add => fill("{} {}/{}", &[name, &points, &max]),
                        Scoring::Deduct if item.entry > ind.max => fill(
                            tr(
                                lang,
                                "{} 扣 {}（扣完为止）→ 0/{}",
                                "{} −{} (floored at 0) → 0/{}",
                            ),
                            &[name, &entry, &max],
                        ),
                        Scoring::Deduct => fill(
                            tr(lang, "{} 扣 {} → {}/{}", "{} −{} → {}/{}"),
                            &[name, &entry, &points, &max],
                        ),
                    };
                    if ind.bonus {
                        bonus += item.points;
                        parts.push(fill(tr(lang, "加分项 {}", "bonus {}"), &[&part]));
                    } else {
                        parts.push(part);
                    }
                }
                let capped = bonus_cap
                    .filter(|cap| bonus > *cap)
                    .map_or(String::new(), |cap| {
                        fill(
                            tr(
                                lang,
                                "（加分 {} 超过上限，按 {} 计）",
                                " (bonus {} over the cap, {} counted)",
                            ),
                            &[&num(bonus), &num(cap)],
                        )
                    });
                fill(
                    tr(lang, "{}：{}；合计 {} 分{}", "{}: {}; total {}{}"),
                    &[
                        source_name(*source),
                        &parts.join(tr(lang, "、", ", ")),
                        &num(*total),
                        &capped,
                    ],
                )
            }
            Step::Votes {
                source,
                levels,
                valid,
                score,
            } => {
                let Some(SourceKind::Vote(scale)) = scheme.sources.get(*source).map(|s| &s.input)
                else {
                    return String::new();
                };
                let mut counted = Vec::new();
                let mut invalid = Vec::new();
                let mut rate_terms = Vec::new();
                let mut count_terms = Vec::new();
                let mut products = Vec::new();
                let mut points_total = Ratio::ZERO;
                let mut rates_exact = true;
                for line in levels {
                    let Some(level) = scale.levels.get(line.level) else {
                        continue;
                    };
                    let (name, count) = (level.name.get(lang), line.count.to_string());
                    match line.rate {
                        Some(r) => {
                            counted.push(fill(
                                tr(lang, "{} {} 票（{}）", "{} {} ({})"),
                                &[name, &count, &rate(r)],
                            ));
                            rate_terms.push(fill("{} × {}", &[&num(level.points), &rate(r)]));
                            count_terms.push(fill("{} × {}", &[&num(level.points), &count]));
                            let level_points = Ratio::from(level.points);
                            products.push(num(level_points.checked_mul(r).unwrap_or_default()));
                            points_total = level_points
                                .checked_mul(Ratio::from_int(line.count))
                                .and_then(|p| points_total.checked_add(p))
                                .unwrap_or_default();
                            rates_exact &= is_exact(r);
                        }
                        None => invalid.push(fill(tr(lang, "{} {} 票", "{} {}"), &[name, &count])),
                    }
                }
                // Rates that end: the document's own form (100 × 60% + …). Rates that do not:
                // the exact form with counts, (100 × 5 + …) ÷ 9, so no rounded rate is multiplied.
                let valid = valid.to_string();
                let formula = if rates_exact {
                    fill(
                        "{} = {} = {}",
                        &[&rate_terms.join(" + "), &products.join(" + "), &num(*score)],
                    )
                } else {
                    let eq = if is_exact(*score) { "=" } else { "≈" };
                    fill(
                        "({}) ÷ {} = {} ÷ {} {} {}",
                        &[
                            &count_terms.join(" + "),
                            &valid,
                            &num(points_total),
                            &valid,
                            eq,
                            num(*score).trim_start_matches('≈'),
                        ],
                    )
                };
                let invalid_note = if invalid.is_empty() {
                    String::new()
                } else {
                    fill(
                        tr(lang, "（{}，不计入有效票）", " ({}: not valid ballots)"),
                        &[&invalid.join(tr(lang, "、", ", "))],
                    )
                };
                fill(
                    tr(
                        lang,
                        "{}：{}，有效票 {} 张{}；得分 = {}",
                        "{}: {}, {} valid ballots{}; score = {}",
                    ),
                    &[
                        source_name(*source),
                        &counted.join(tr(lang, "、", ", ")),
                        &valid,
                        &invalid_note,
                        &formula,
                    ],
                )
            }
            Step::Participation {
                source,
                cast,
                eligible,
                needed,
            } => fill(
                tr(
                    lang,
                    "注意：{}参加 {} 人，应参加测评 {} 人中至少 {} 人，参与人数不足（不影响计分，请核实）",
                    "Note: {} had {} voters; of the {} eligible at least {} should vote (the score stands; please check)",
                ),
                &[
                    source_name(*source),
                    &cast.to_string(),
                    &eligible.to_string(),
                    &needed.to_string(),
                ],
            ),
            Step::Composite { terms, exact } => composite_line(terms, *exact, lang),
            Step::Rounding { exact, rounded } => rounding_line(scheme, *exact, *rounded, lang),
            Step::Threshold { decision } => threshold_line(scheme, decision, lang),
            Step::Limited {
                cause,
                limit,
                from,
                to,
            } => {
                let why = match cause {
                    Cause::Veto { veto } => fill(
                        tr(lang, "一票否决「{}」", "Veto “{}”"),
                        &[scheme.vetoes.get(*veto).map_or("", |v| v.name.get(lang))],
                    ),
                    Cause::Satisfaction { cap, satisfaction } => {
                        let c = scheme.satisfaction_caps.get(*cap);
                        let below = c.map_or(String::new(), |c| pct(c.below));
                        let src = c
                            .and_then(|c| scheme.source(&c.source))
                            .map_or("", |(_, s)| s.name.get(lang));
                        fill(
                            tr(
                                lang,
                                "{}满意度 {} 低于 {}",
                                "{}: satisfaction {} is below {}",
                            ),
                            &[src, &pct(*satisfaction), &below],
                        )
                    }
                };
                let what = match limit {
                    Limit::ForceTier(t) => fill(tr(lang, "直接定为{}", "graded {}"), &[tier(*t)]),
                    Limit::TierAtMost(t) => {
                        fill(tr(lang, "最高只能定为{}", "at best {}"), &[tier(*t)])
                    }
                    Limit::StarsAtMost(n) => {
                        fill(tr(lang, "星级最高为{}", "at most {}"), &[&stars(*n)])
                    }
                };
                let change = if matches!(limit, Limit::StarsAtMost(_)) {
                    String::new()
                } else if from == to {
                    fill(tr(lang, "（仍为{}）", " (stays {})"), &[tier(*to)])
                } else {
                    fill(
                        tr(lang, "：{} → {}", ": {} → {}"),
                        &[tier(*from), tier(*to)],
                    )
                };
                fill("{} → {}{}", &[&why, &what, &change])
            }
            Step::ListRule {
                flag,
                category,
                from,
            } => render_list_rule(scheme, org, flag, *category, *from, lang),
            Step::Stars {
                tier: t,
                score,
                stars: n,
            } => {
                let split = scheme.tier(*t).and_then(|t| match t.stars {
                    crate::tier::TierStars::Split { at, .. } => Some(at),
                    _ => None,
                });
                match split {
                    Some(at) => fill(
                        tr(lang, "{}，{} {} {} → {}", "{}, {} {} {} → {}"),
                        &[
                            tier(*t),
                            &score.to_string(),
                            if *score >= at { "≥" } else { "<" },
                            &num(at),
                            &stars(*n),
                        ],
                    ),
                    None => fill("{} → {}", &[tier(*t), &stars(*n)]),
                }
            }
            Step::MayBeCapped => {
                let Some(cap) = scheme.stars.as_ref().and_then(|s| s.cap.as_ref()) else {
                    return String::new();
                };
                let base = match cap.base {
                    CapBase::Tier(t) => tier(t),
                    CapBase::All => tr(lang, "全部组织", "all organizations"),
                };
                let (l, r) = cap.rounding.brackets();
                let share = pct(cap.share);
                let (top, demoted) = (stars(cap.stars), stars(cap.demote_to));
                fill(
                    tr(
                        lang,
                        "注意：{}不超过“{}”的 {}（{}{} × “{}”的个数{}），须在全部“{}”中得分靠前才能评为{}，否则为{}",
                        "Note: {} go to at most “{}”’s {} ({}{} × the count of “{}”{}), the highest-scoring of all “{}” get {}, the others {}",
                    ),
                    &[&top, base, &share, l, &share, base, r, base, &top, &demoted],
                )
            }
            Step::Override {
                from_tier,
                from_stars,
                to_tier,
                to_stars,
                reason,
            } => {
                let show = |t: usize, s: Option<u8>| match s {
                    Some(n) => fill(tr(lang, "{}（{}）", "{} ({})"), &[tier(t), &stars(n)]),
                    None => tier(t).to_owned(),
                };
                fill(
                    tr(
                        lang,
                        "党委调整：{} → {}，理由：{}",
                        "Committee override: {} → {}; reason: {}",
                    ),
                    &[
                        &show(*from_tier, *from_stars),
                        &show(*to_tier, *to_stars),
                        reason,
                    ],
                )
            }
            Step::Confirmer { stars: n } => fill(
                tr(lang, "{}由{}评定", "{} confirmed by {}"),
                &[
                    &stars(*n),
                    scheme.star_level(*n).map_or("", |l| l.confirmer.get(lang)),
                ],
            ),
        }
    }
}

fn render_list_rule(
    scheme: &Scheme,
    org: &Org,
    flag: &Flag,
    category: usize,
    from: usize,
    lang: Lang,
) -> String {
    let tier = |i: usize| scheme.tier_name(i, lang);
    let category = scheme.categories.get(category).map(|c| c.id.as_str());
    let tie_note = |tied: bool| {
        if tied {
            tr(
                lang,
                "；与其他组织同分并列于分界线，一并处理，请党委复核",
                "; tied with others on the cut-off, all treated alike: for the committee to review",
            )
        } else {
            ""
        }
    };
    match flag {
        Flag::MovedByFloor {
            need,
            group,
            cutoff,
            tied,
            ..
        } => {
            let quota = scheme.distribution.min_lowest.as_ref();
            let share = pct(quota.map_or(Decimal::ZERO, |q| q.share_in(category)));
            let (l, r) = quota.map_or(("", ""), |q| q.rounding.brackets());
            let lowest = tier(scheme.lowest_tier());
            let (group, need, cutoff, label) = (
                group.to_string(),
                need.to_string(),
                cutoff.to_string(),
                org_label(org, lang),
            );
            fill(
                tr(
                    lang,
                    "“{}”不少于 {}：{}{} × {}{} = {} 个，按得分从低到高补足，分界线 {} 分 → {}：{} → {}{}",
                    "“{}” at least {}: {}{} × {}{} = {}, filled from the lowest score up to the cut-off {} → {}: {} → {}{}",
                ),
                &[
                    lowest,
                    &share,
                    l,
                    &share,
                    &group,
                    r,
                    &need,
                    &cutoff,
                    &label,
                    tier(from),
                    lowest,
                    tie_note(*tied),
                ],
            )
        }
        Flag::MovedByTopCap {
            allowed,
            group,
            tied,
        } => {
            let quota = scheme.distribution.max_top.as_ref();
            let share = pct(quota.map_or(Decimal::ZERO, |q| q.share_in(category)));
            let (l, r) = quota.map_or(("", ""), |q| q.rounding.brackets());
            let (top, allowed, group) = (tier(0), allowed.to_string(), group.to_string());
            let args = [
                top,
                &share,
                l,
                &share,
                &group,
                r,
                &allowed,
                &allowed,
                top,
                tier(1),
                tie_note(*tied),
            ];
            fill(
                tr(
                    lang,
                    "“{}”不超过 {}：{}{} × {}{} = {} 个，本组织不在得分最高的 {} 个之内：{} → {}{}",
                    "“{}” at most {}: {}{} × {}{} = {}; this one is not among the {} highest: {} → {}{}",
                ),
                &args,
            )
        }
        Flag::HeldByStarCap {
            allowed,
            base,
            tied,
        } => {
            let Some(cap) = scheme.stars.as_ref().and_then(|s| s.cap.as_ref()) else {
                return String::new();
            };
            let (l, r) = cap.rounding.brackets();
            let of = match cap.base {
                CapBase::Tier(t) => tier(t),
                CapBase::All => tr(lang, "全部组织", "all"),
            };
            let share = pct(cap.share);
            let (top, demoted) = (
                scheme.star_name(cap.stars, lang),
                scheme.star_name(cap.demote_to, lang),
            );
            let (base, allowed) = (base.to_string(), allowed.to_string());
            fill(
                tr(
                    lang,
                    "{}不超过“{}”的 {}：{}{} × {}{} = {} 个，本组织不在其中 → {}{}",
                    "{} at most for “{}”’s {}: {}{} × {}{} = {}; this one is not among them → {}{}",
                ),
                &[
                    &top,
                    of,
                    &share,
                    l,
                    &share,
                    &base,
                    r,
                    &allowed,
                    &demoted,
                    tie_note(*tied),
                ],
            )
        }
        Flag::AfterOverride { tier: t, stars, by } => {
            let stars = stars
                .map(|n| format!("{}{}", tr(lang, "，", ", "), scheme.star_name(n, lang)))
                .unwrap_or_default();
            let names = by
                .iter()
                .map(|n| format!("「{n}」"))
                .collect::<Vec<_>>()
                .join(tr(lang, "、", ", "));
            fill(
                tr(
                    lang,
                    "以上按比例规则的结果因党委对{}的调整而来：若不调整，本组织为“{}”{}",
                    "The quota rules placed this one so because of the committee's override of {}: without it, this one would be “{}”{}",
                ),
                &[&names, tier(*t), &stars],
            )
        }
        _ => String::new(),
    }
}

fn org_label(org: &Org, lang: Lang) -> String {
    match (org.name.is_empty(), lang) {
        (true, Lang::Zh) => "本组织".to_owned(),
        (true, Lang::En) => "this organization".to_owned(),
        (false, _) => fill("「{}」", &[&org.name]),
    }
}

//! The working and the goals, built in the worker for either page: the calculator's inputs (its
//! saved form) or one row of a saved list, graded with the whole list (the quota rules may have
//! moved it).

use std::rc::Rc;

use dingji_rules::fmt::fixed;
use dingji_rules::{Lang, Org, OrgResult, Scheme, evaluate, evaluate_list, presets};

use crate::wire::explained::Explained;
use crate::wire::list;
use crate::wire::page::{Saved, effective_scheme};

/// The goals' fixed sentences, in one language.
struct Strings {
    top_tier: &'static str,
    unreachable_max: &'static str,
    unreachable_eligible: &'static str,
    unreachable_limit: &'static str,
}

fn strings(lang: Lang) -> Strings {
    match lang {
        Lang::Zh => Strings {
            top_tier: "已是最高等次。",
            unreachable_max: "仅靠此项无法达到（满分也不够）",
            unreachable_eligible: "仅靠此项无法达到（剩余应参加人数全投“好”也不够）",
            unreachable_limit: "受一票否决或满意度限制，提高分数也无法晋级",
        },
        Lang::En => Strings {
            top_tier: "Already the top tier.",
            unreachable_max: "Cannot be reached through this alone (not even with full marks)",
            unreachable_eligible: "Cannot be reached through this alone (not even if everyone left votes 好)",
            unreachable_limit: "Held by a veto or satisfaction cap: a higher score does not help",
        },
    }
}

/// "至少 78.5 分（现为 72.00）".
fn need_score(lang: Lang, needed: &str, current: &str) -> String {
    match lang {
        Lang::Zh => format!("至少 {needed} 分（现为 {current}）"),
        Lang::En => format!("at least {needed} (now {current})"),
    }
}

/// "再多 9 张“好”票（测评得分升至 83.56）".
fn need_ballots(lang: Lang, extra: u64, level: &str, score: &str) -> String {
    match lang {
        Lang::Zh => format!("再多 {extra} 张“{level}”票（测评得分升至 {score}）"),
        Lang::En => format!("{extra} more “{level}” ballots (vote score then {score})"),
    }
}

/// The heading of the goals: "要达到“好”，在其他各项不变时：".
fn to_reach(lang: Lang, tier: &str) -> String {
    match lang {
        Lang::Zh => format!("要达到“{tier}”，在其他各项不变时："),
        Lang::En => format!("To reach “{tier}”, everything else unchanged:"),
    }
}

/// The working and the goals of `org`, graded `result` under `scheme`.
pub fn explained(scheme: &Scheme, org: &Org, result: &OrgResult, lang: Lang) -> Explained {
    use dingji_rules::goal::Unreachable;
    use dingji_rules::{Goal, explain::render_all, scheme::SourceKind};

    let steps = dingji_rules::explain(scheme, org, result)
        .map(|steps| render_all(scheme, org, &steps, lang))
        .unwrap_or_default();
    let s = strings(lang);
    let decimals = scheme.rounding.decimals;
    let seek = dingji_rules::goal_seek(scheme, org).ok();
    let (goals_title, goals) = match seek.as_ref().and_then(|g| g.target.map(|t| (g, t))) {
        None => (s.top_tier.to_owned(), Vec::new()),
        Some((seek, target)) => {
            let goals = seek
                .goals
                .iter()
                .map(|goal| {
                    let source = match goal {
                        Goal::Score { source, .. }
                        | Goal::Ballots { source, .. }
                        | Goal::Unreachable { source, .. } => *source,
                    };
                    let name = scheme
                        .sources
                        .get(source)
                        .map_or("", |s| s.name.get(lang))
                        .to_owned();
                    let text = match goal {
                        Goal::Score {
                            current, needed, ..
                        } => need_score(lang, &fixed(*needed, 2), &fixed(*current, decimals)),
                        Goal::Ballots {
                            extra,
                            score,
                            source,
                        } => {
                            let level = match scheme.sources.get(*source).map(|s| &s.input) {
                                Some(SourceKind::Vote(scale)) => scale
                                    .levels
                                    .iter()
                                    .find(|l| l.valid)
                                    .map_or("", |l| l.name.get(lang)),
                                _ => "",
                            };
                            need_ballots(lang, *extra, level, &fixed(*score, decimals))
                        }
                        Goal::Unreachable {
                            reason: Unreachable::MaxScore,
                            ..
                        } => s.unreachable_max.to_owned(),
                        Goal::Unreachable {
                            reason: Unreachable::Eligible,
                            ..
                        } => s.unreachable_eligible.to_owned(),
                        Goal::Unreachable {
                            reason: Unreachable::Limit,
                            ..
                        } => s.unreachable_limit.to_owned(),
                    };
                    (name, text, !matches!(goal, Goal::Unreachable { .. }))
                })
                .collect();
            (to_reach(lang, scheme.tier_name(target, lang)), goals)
        }
    };
    let mut steps = steps;
    steps.extend(tip_lines(scheme, org, lang));
    Explained {
        steps,
        goals_title,
        goals,
    }
}

/// For training: the weight or threshold at which the tier would change, one thing at a time,
/// as lines after the working ("党委评定权重升至 64.46% 及以上（其余权重按比例调整）则为“好”").
fn tip_lines(scheme: &Scheme, org: &Org, lang: Lang) -> Vec<String> {
    use dingji_rules::Tip;
    let tips = dingji_rules::tips(scheme, org).unwrap_or_default();
    if tips.is_empty() {
        return Vec::new();
    }
    let zh = lang == Lang::Zh;
    let tier = |t: usize| scheme.tier_name(t, lang).to_owned();
    let mut lines = vec![if zh {
        "只改一项时（培训用）：".to_owned()
    } else {
        "Changing one thing only (for training):".to_owned()
    }];
    for tip in tips {
        lines.push(match tip {
            Tip::Weight {
                source,
                weight,
                up,
                tier: t,
            } => {
                let name = scheme.sources.get(source).map_or("", |s| s.name.get(lang));
                match (zh, up) {
                    (true, true) => format!(
                        "{name}权重升至 {weight}% 及以上（其余权重按比例调整）则为“{}”",
                        tier(t)
                    ),
                    (true, false) => format!(
                        "{name}权重降至 {weight}% 及以下（其余权重按比例调整）则为“{}”",
                        tier(t)
                    ),
                    (false, true) => format!(
                        "{name} weighted {weight}% or more (the others in proportion): {}",
                        tier(t)
                    ),
                    (false, false) => format!(
                        "{name} weighted {weight}% or less (the others in proportion): {}",
                        tier(t)
                    ),
                }
            }
            Tip::ThresholdDown { tier: t, at } if zh => {
                format!("“{}”的分数线降至 {at} 则为“{}”", tier(t), tier(t))
            }
            Tip::ThresholdDown { tier: t, at } => {
                format!("The {} threshold lowered to {at}: {}", tier(t), tier(t))
            }
            Tip::ThresholdUp { tier: t, at, to } if zh => {
                format!("“{}”的分数线升至高于 {at} 则降为“{}”", tier(t), tier(to))
            }
            Tip::ThresholdUp { tier: t, at, to } => {
                format!("The {} threshold raised above {at}: {}", tier(t), tier(to))
            }
        });
    }
    lines
}

fn schemes() -> Vec<Rc<Scheme>> {
    presets::all().into_iter().map(Rc::new).collect()
}

/// The calculator's working and goals, for the inputs of its saved form.
pub fn explain_page(saved: &str, lang: Lang) -> Result<Explained, String> {
    let schemes = schemes();
    let saved = Saved::from_text(saved, &schemes).map_err(|e| e.to_string())?;
    // Its own scheme (carried whole, checked when read) or its preset.
    let base = saved.base(&schemes).ok_or("scheme")?;
    // The page asks only when it shows a result: anything unreadable is "incomplete".
    let incomplete = || {
        (if lang == Lang::Zh {
            "输入不完整"
        } else {
            "The inputs are incomplete"
        })
        .to_owned()
    };
    let scheme = effective_scheme(&base, &saved.edits, lang).map_err(|_| incomplete())?;
    let org = saved.draft.parse(&scheme).map_err(|_| incomplete())?;
    let result = evaluate(&scheme, &org).map_err(|e| e.message(lang))?;
    Ok(explained(&scheme, &org, &result, lang))
}

/// Explains row `row` of a saved list: the list graded as a whole (the quota rules moved it or
/// not), then that row, with what each source would need for the next tier.
pub fn explain_row(saved: &str, row: usize, lang: Lang) -> Result<Explained, String> {
    let list = list::from_text(saved, &schemes()).map_err(|e| e.to_string())?;
    let scheme = &list.settings.scheme;
    // Rows whose entries cannot be read are not graded; the rest are graded together.
    let mut orgs: Vec<Org> = Vec::with_capacity(list.drafts.len());
    let mut at = None;
    for (i, draft) in list.drafts.iter().enumerate() {
        // Read in the page's language: an error names its field as the page does.
        match draft.parse_in(scheme, lang) {
            Ok(org) => {
                if i == row {
                    at = Some(orgs.len());
                }
                orgs.push(org);
            }
            Err(errors) if i == row => {
                return Err(errors
                    .iter()
                    .map(|e| e.error.message(lang))
                    .collect::<Vec<_>>()
                    .join(if lang == Lang::Zh { "；" } else { "; " }));
            }
            Err(_) => {}
        }
    }
    let at = at.ok_or_else(|| match lang {
        Lang::Zh => format!("没有第 {} 行", row + 1),
        Lang::En => format!("There is no row {}", row + 1),
    })?;
    let graded = evaluate_list(scheme, &orgs);
    match graded.rows.get(at) {
        Some(Ok(result)) => Ok(explained(scheme, &orgs[at], result, lang)),
        Some(Err(e)) => Err(e.without_row().message(lang)),
        None => Err(match lang {
            Lang::Zh => "输入有误",
            Lang::En => "The inputs are wrong",
        }
        .to_owned()),
    }
}

//! The explanation of a result: every step with its numbers, as data ([`Step`]) and as text in
//! either language ([`Step::render`]). For domain.md's first worked example it reads
//!
//! ```text
//! 党员群众测评：好 30 票（60%）、较好 15 票（30%）、一般 4 票（8%）、较差 1 票（2%），有效票 50 张；
//!   得分 = 100 × 60% + 60 × 30% + 30 × 8% + 10 × 2% = 60 + 18 + 2.4 + 0.2 = 80.6
//! 综合评分 = 92 × 50% + 80.6 × 30% + 95 × 20% = 46 + 24.18 + 19 = 89.18
//! 89.18 → 89.18（四舍五入到两位小数）
//! 80 ≤ 89.18 < 90 → 较好
//! 较好 → 三星
//! 三星由县委评定
//! ```
//!
//! The steps are rebuilt from the organization's inputs and its result (which carries what the
//! list rules did), so that evaluating a list never builds text.
//!
//! Three parts: the steps as data ([`step`]), their builder from an organization and its result
//! ([`build`]), and their rendering as sentences ([`render`]).

mod build;
mod render;
mod step;

pub use build::{explain, explain_org, terms};
pub use render::{composite_line, fill, render_all, rounding_line, threshold_line};
pub use step::{Cause, ItemLine, LevelLine, Step, Term};

//! The calculator (index.html): one organization's score, tier and stars, with the formula, the
//! working and the goals; the scheme's weights and thresholds editable; share links.

pub mod app;
pub mod derive;
pub mod hooks;
pub mod persist;
pub mod state;
pub mod tools;
pub mod views;

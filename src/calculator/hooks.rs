//! The calculator's hooks.

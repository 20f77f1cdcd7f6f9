//! The list page's hooks.

//! dingji (定级): the browser app over the rules crate `dingji-rules`.
//!
//! Two pages with the same inner shape — [`calculator`] (index.html) and [`list`] (list.html) —
//! each with its state and reducer, what it derives, what it keeps, its hooks and its views.
//! [`shared`] holds what both show; [`wire`] what crosses to a worker or is kept between visits;
//! [`worker`] is the main worker (it uses only `wire` and the rules crate); [`api`] is the JS API.
//! `main.rs` and `src/bin/` only mount; everything lives here so that tests can mount it too.

pub mod api;
pub mod calculator;
pub mod list;
pub mod shared;
pub mod tools;
pub mod wire;
pub mod worker;

pub use calculator::app::App;

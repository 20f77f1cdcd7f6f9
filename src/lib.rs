//! dingji (定级): the browser app over the rules crate `dingji-rules`.
//!
//! `main.rs` only mounts [`App`]; the components live here so that the render tests (native,
//! yew `ssr`) and the browser tests (`wasm-bindgen-test`) can mount them too.

pub mod api;
mod base64;
pub mod calc;
pub mod components;
pub mod i18n;
pub mod list;
pub mod state;
pub mod worker;

pub use components::app::App;

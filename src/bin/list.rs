//! The committee's list page (list.html): mounts the list app into the page. trunk builds it as
//! `list.js` + `list_bg.wasm` (a no-modules bundle, loaded by `assets/list-loader.js`), so that
//! each page's first load carries only its own app.

/// talc in place of the default dlmalloc: a smaller first load.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    dingji::shared::install_panic_message();
    // Framed by another site's page: a message in place of the app, and nothing started.
    if dingji::shared::refuse_if_framed("list-app") {
        return;
    }
    dingji::list::mount();
}

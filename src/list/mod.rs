//! The committee's list (list.html): every organization under the committee, graded together.

pub mod app;
pub mod derive;
pub mod history;
pub mod hooks;
pub mod persist;
pub mod state;
pub mod tools;
pub mod views;

/// Reads the saved list, then mounts the list app into `#list-app` with it (until then the
/// page says it is opening the list: `assets/list.html`).
pub fn mount() {
    let Some(root) = gloo::utils::document().get_element_by_id("list-app") else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let schemes = crate::shared::i18n::presets();
        // The presets are compiled in: there is always a first.
        let Some(first) = schemes.first().cloned() else {
            return;
        };
        let saved = std::rc::Rc::new(persist::restore(&schemes, first).await);
        root.set_text_content(None);
        yew::Renderer::<app::ListApp>::with_root_and_props(root, app::ListProps { saved }).render();
    });
}

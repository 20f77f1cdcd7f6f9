//! The committee's list (list.html): every organization under the committee, graded together.

pub mod app;
pub mod derive;
pub mod history;
pub mod hooks;
pub mod loading;
pub mod persist;
pub mod rescheme;
pub mod state;
pub mod tools;
pub mod views;

/// Reads the saved list (a long one a part at a time, saying how far it is), then mounts the
/// list app into `#list-app` with it (until then the page says it is opening the list:
/// `assets/list.html`).
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
        // A long list says how far it is while it is read (the language is the one carried
        // from the other page: the list's own is not read yet).
        let lang = crate::shared::carried_lang().unwrap_or_default();
        let report = |p: loading::Progress| loading::show(Some(p), lang);
        let (saved, cache) = persist::restore(&schemes, first, &report).await;
        loading::show(None, lang);
        root.set_text_content(None);
        let props = app::ListProps {
            saved: std::rc::Rc::new(saved),
            cache: app::Warm::new(cache),
        };
        yew::Renderer::<app::ListApp>::with_root_and_props(root, props).render();
    });
}

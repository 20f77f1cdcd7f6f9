//! Mounts the app into its root (`#app` in index.html). Everything else lives in the library so
//! that tests can mount it too.

fn main() {
    dingji::shared::install_panic_message();
    // Framed by another site's page: a message in place of the app, and nothing started.
    if dingji::shared::refuse_if_framed("app") {
        return;
    }
    if let Some(root) = gloo::utils::document().get_element_by_id("app") {
        yew::Renderer::<dingji::App>::with_root(root).render();
    }
}

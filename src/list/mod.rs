//! The committee's list (list.html): every organization under the committee, graded together.

pub mod app;
pub mod derive;
pub mod history;
pub mod hooks;
pub mod persist;
pub mod state;
pub mod tools;
pub mod views;

/// Mounts the list app into `#list-app`.
pub fn mount() {
    let Some(root) = gloo::utils::document().get_element_by_id("list-app") else {
        return;
    };
    yew::Renderer::<app::ListApp>::with_root(root).render();
}

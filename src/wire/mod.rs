//! Everything that crosses between a page and a worker, or is kept between visits: typed
//! requests and their replies, the explanation data, the client that posts to a worker, and the
//! one line codec of the saved forms (the calculator's inputs and share links, the list).
//! Both pages and the worker use this module; it uses none of them.

pub mod base64;
pub mod client;
pub mod codec;
pub mod columns;
pub mod explained;
pub mod headers;
pub mod list;
pub mod page;
pub mod request;
pub mod sheets;
pub mod tools;

/// Why a worker call failed, for the page to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The worker answered with this message (the rules' Chinese message, naming the field).
    Refused(String),
}

impl Error {
    /// The message to show.
    pub fn into_message(self) -> String {
        match self {
            Error::Refused(why) => why,
        }
    }
}

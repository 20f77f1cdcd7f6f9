//! The workshop over the calculator: what the calculator takes of a trial.

use std::rc::Rc;

use dingji_rules::Scheme;

/// The calculator a workshop is opened over: the presets it can compute under, the scheme it
/// uses now (a preset's id, or its own scheme), and its entries kept aside (本方案中不使用).
#[derive(Clone, Debug, PartialEq)]
pub struct Calculator {
    pub presets: Rc<Vec<Rc<Scheme>>>,
    pub preset: String,
    /// The scheme it grades under where that is not a preset.
    pub own: Option<crate::wire::schemes::OwnScheme>,
    /// Its entries the scheme has no place for, which a trial may have a place for.
    pub unused: Vec<dingji_rules::carry::Unused>,
}

impl Calculator {
    /// What the calculator takes of a trial as a preset and its changes: a preset (its own
    /// first) and the changes to that preset's weights and thresholds, where the trial differs
    /// from it in those alone; `None` where it differs from every preset in more.
    pub fn takes(&self, scheme: &Scheme) -> Option<(String, crate::wire::page::Edits)> {
        let own = self.presets.iter().filter(|p| p.id == self.preset);
        let others = self.presets.iter().filter(|p| p.id != self.preset);
        own.chain(others).find_map(|p| {
            crate::wire::page::Edits::between(p, scheme).map(|edits| (p.id.clone(), edits))
        })
    }

    /// The calculator's inputs `saved` (typed under `from`) with `trial` applied: its own scheme
    /// with other weights and thresholds, a preset with its changes, or else the trial whole as
    /// a scheme of the user's; the entries carried by what they mean. `None` where the trial
    /// cannot be put in its saved form.
    pub fn applied(
        &self,
        saved: &crate::wire::page::Saved,
        from: &Scheme,
        trial: &Scheme,
    ) -> Option<crate::wire::page::Saved> {
        use crate::wire::page::{Edits, Saved};
        use crate::wire::schemes::OwnScheme;
        if let Some(own) = &self.own
            && let Some(edits) = Edits::between(&own.scheme, trial)
        {
            return Some(Saved {
                edits,
                ..saved.clone()
            });
        }
        let (scheme, own, edits) = match self.takes(trial) {
            Some((id, edits)) => (id, None, edits),
            None => (
                trial.id.clone(),
                Some(OwnScheme::of(trial.clone())?),
                Edits::default(),
            ),
        };
        let to = match &own {
            Some(own) => own.scheme.clone(),
            None => self.presets.iter().find(|p| p.id == scheme)?.clone(),
        };
        let (draft, unused) = dingji_rules::carry::carry(&saved.draft, from, &saved.unused, &to);
        Some(Saved {
            scheme,
            own,
            draft,
            unused,
            edits,
            ..saved.clone()
        })
    }
}

//! Moving in: the old door's localStorage keys copied into the database in one transaction,
//! read back and compared, and only then removed; a failure leaves them where they were.

use super::idb::{IdbError, Tx, stores};
use super::{StoreProblem, envelope, legacy};
use redress_core::record::deletion::Deletion;
use std::fmt;
use web_sys::IdbDatabase;

/// Moves the old door's localStorage keys into the database. Every key is copied in one
/// transaction, read back and compared, and only then removed from localStorage; a failure at
/// any point leaves them where they were, to be tried again at the next start. A value the
/// database already holds differently (a move that was interrupted after the copy, then used)
/// keeps the database's, and the old text is set aside rather than lost.
///
/// `stop_after` aborts the copy after that many writes; the browser tests use it to interrupt.
#[doc(hidden)]
pub async fn move_in(db: &IdbDatabase, stop_after: Option<usize>) -> Result<usize, StoreProblem> {
    let old = legacy::read_all();
    if old.is_empty() {
        return Ok(0);
    }
    let failed = |error: &dyn fmt::Display| {
        StoreProblem(format!(
            "Your records could not yet be moved into this browser’s database ({error}). They are safe where they were, and Redress will try again the next time it opens."
        ))
    };
    let plan = plan_move(&old);
    let write = async {
        let tx = Tx::write(db, &stores::ALL)?;
        let mut present: std::collections::HashMap<&str, std::collections::HashMap<String, String>> =
            Default::default();
        for store in stores::ALL {
            let held = tx.store(store)?.all().await?;
            present.insert(
                store,
                held.into_iter()
                    .map(|(key, value)| (key, value.as_string().unwrap_or_default()))
                    .collect(),
            );
        }
        let now = js_sys::Date::now();
        let mut expected: Vec<(&'static str, String, String)> = Vec::new();
        for (n, (store, key, text)) in plan.iter().enumerate() {
            if stop_after == Some(n) {
                tx.abort();
                break;
            }
            match present.get(store).and_then(|held| held.get(key)) {
                Some(same) if same == text => {}
                Some(_) => {
                    let aside = format!("{now:.0}:moved-from-localstorage/{store}/{key}");
                    tx.store(stores::SET_ASIDE)?.put(&aside, text)?;
                    expected.push((stores::SET_ASIDE, aside, text.clone()));
                    continue;
                }
                None => {
                    tx.store(store)?.put(key, text)?;
                }
            }
            expected.push((store, key.clone(), text.clone()));
        }
        tx.done().await?;
        Ok::<_, IdbError>(expected)
    };
    let expected = write.await.map_err(|e| failed(&e))?;
    // Read back and compare before anything is removed.
    let check = async {
        let tx = Tx::read(db, &stores::ALL)?;
        let mut differ = 0;
        for (store, key, text) in &expected {
            if tx.store(store)?.get(key).await?.as_deref() != Some(text.as_str()) {
                differ += 1;
            }
        }
        tx.done().await?;
        Ok::<_, IdbError>(differ)
    };
    match check.await {
        Ok(0) => {}
        Ok(differ) => return Err(failed(&format!("{differ} values read back differently"))),
        Err(error) => return Err(failed(&error)),
    }
    let keys: Vec<String> = old.into_iter().map(|(key, _)| key).collect();
    let left = legacy::remove(&keys);
    if left > 0 {
        return Err(StoreProblem(format!(
            "Your records were moved into this browser’s database, but {left} old copies could not be removed from its older storage. They will be removed next time."
        )));
    }
    Ok(keys.len())
}

/// Every write the move makes: each old key to its new place, and the old list of deletions
/// split into one tombstone per record as well.
fn plan_move(old: &[(String, String)]) -> Vec<(&'static str, String, String)> {
    let mut plan = Vec::new();
    for (key, text) in old {
        let destination = legacy::destination(key);
        plan.push((destination.store, destination.key, text.clone()));
        if key == legacy::DELETED
            && let Ok((list, _)) = envelope::open::<Vec<Deletion>>(text)
        {
            for deletion in list.data {
                let sealed = envelope::seal(&deletion, 0);
                plan.push((stores::DELETIONS, deletion.id.clone(), sealed));
            }
        }
    }
    plan
}

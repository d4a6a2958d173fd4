//! The customers list: every filter, sort and the totals row are computed by the core.

use laoke::customers::{self, CustomerPage, CustomerQuery};
use tauri::State;

use crate::{error::CmdResult, state::Shell};

#[tauri::command]
pub async fn customers_list(
    shell: State<'_, Shell>,
    query: CustomerQuery,
) -> CmdResult<CustomerPage> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            customers::list(store, session, &query)
        })
        .await
}

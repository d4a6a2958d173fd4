//! The customers list.

use laoke::customers::{self, CustomerQuery, CustomerRow, Page};
use tauri::State;

use crate::{error::CmdResult, state::Shell};

#[tauri::command]
pub async fn customers_list(
    shell: State<'_, Shell>,
    page: u32,
    page_size: u32,
    search: Option<String>,
) -> CmdResult<Page<CustomerRow>> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            let query = CustomerQuery {
                page,
                page_size,
                search,
            };
            customers::list(store, session, &query)
        })
        .await
}

//! Registers the app's own commands with Tauri's ACL: each command gets an `allow-<name>`
//! permission, and `capabilities/main.json` grants exactly those to the main window.

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(laoke_app_commands::COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("failed to run tauri-build");
}

/// The command list, shared with `src/lib.rs` (`include!`) so the two cannot drift apart.
mod laoke_app_commands {
    include!("src/names.rs");
}

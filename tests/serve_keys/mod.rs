//! Test keys for `bered serve`: the same keys in every run, and their keys-file lines.
#![allow(dead_code)]

use russh::keys::PrivateKey;
use russh::keys::ssh_key::private::Ed25519Keypair;

/// A key made from a one-byte seed.
pub fn key(seed: u8) -> PrivateKey {
    let mut key = PrivateKey::from(Ed25519Keypair::from_seed(&[seed; 32]));
    key.set_comment(format!("key {seed}"));
    key
}

/// `role="editor" ssh-ed25519 AAAA… Anna Berg`
pub fn keys_line(seed: u8, role: &str, name: &str) -> String {
    let public = key(seed).public_key().to_openssh().expect("openssh");
    let bare: Vec<&str> = public.split(' ').take(2).collect();
    format!("role=\"{role}\" {} {name}\n", bare.join(" "))
}

/// The file the real binary and the real ssh use.
pub const CHATTBOT: &str = "initiatives/chattbot-kontaktcenter.yaml";

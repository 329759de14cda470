//! The entry point trunk builds: starts Redress.

fn main() {
    redress::start();
}

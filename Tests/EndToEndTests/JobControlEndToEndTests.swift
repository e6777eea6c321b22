import Foundation
import TestSupport
import Testing

/// Ctrl-Z: the console suspends to a shell with job control and comes back with
/// `fg`; where nothing could bring it back it says so and keeps running.
@Suite struct JobControlEndToEndTests {
  @Test("under an interactive shell, Ctrl-Z stops the console and fg brings it back, redrawn")
  func suspendAndResume() throws {
    let tmux = try Tmux(
      command: "PS1='shell$ ' exec /bin/bash --norc --noprofile -i", width: 100, height: 30)
    try tmux.waitFor(text: "shell$")
    try tmux.send(text: "'\(Binary.etjanst)' --demo")
    try tmux.send(keys: "Enter")
    try tmux.waitFor(text: "1 Översikt")
    try tmux.send(keys: "2")
    try tmux.waitFor(text: "Ansökan om bygglov")
    try tmux.send(keys: "C-z")
    // bash reports the stopped job and prompts again; the console's screen is gone.
    let stopped = try tmux.waitFor { $0.joined(separator: "\n").contains("Stopped") }
    #expect(!stopped.joined().contains("1 Översikt"), "\(stopped.joined(separator: "\n"))")
    try tmux.send(text: "fg")
    try tmux.send(keys: "Enter")
    // Back on the same screen, repainted whole.
    let back = try tmux.waitFor(text: "Ansökan om bygglov")
    #expect(back.joined().contains("1 Översikt"))
    try tmux.send(keys: "q")
    try tmux.waitFor(text: "Avsluta etjanst? j/n")
    try tmux.send(keys: "j")
    try tmux.waitFor(text: "shell$")
    try tmux.send(text: "exit")
    try tmux.send(keys: "Enter")
  }

  @Test("without job control (the program run directly, as ssh HOST etjanst does), Ctrl-Z says why")
  func noJobControl() throws {
    let tmux = try Tmux(command: "'\(Binary.etjanst)' --demo", width: 100, height: 30)
    try tmux.waitFor(text: "1 Översikt")
    try tmux.send(keys: "C-z")
    try tmux.waitFor(text: "Det går inte att pausa här")
    // Still running, and still answering keys.
    try tmux.send(keys: "2")
    try tmux.waitFor(text: "Ansökan om bygglov")
    try tmux.quitConsole()
    #expect(try tmux.waitForExit() == 0)
  }
}

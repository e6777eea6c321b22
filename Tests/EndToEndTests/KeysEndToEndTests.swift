import Foundation
import TestSupport
import Testing

/// `etjanst keys remove` and `keys list`'s flags through the built binary, on a file
/// named with --authorized-keys (the SSH suites use a real account's).
@Suite struct KeysEndToEndTests {
  static let keys = [
    "AAAAC3NzaC1lZDI1NTE5AAAAILim1jnYB+uloSNyPw5ebF3Gj0k/tEFfp63x0/XRMp2h",
    "AAAAC3NzaC1lZDI1NTE5AAAAIJ1dQpH4nZ1xQ6b0n3Qm5Jm3vVfKq0QeS0k3z5m1yXcA",
  ]

  @Test("a key whose login left the store is flagged by keys list, and keys remove takes it")
  func removeAKeyOfALoginNoLongerInTheStore() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let path = folder.appendingPathComponent("authorized_keys").path
    let keyFile = folder.appendingPathComponent("jari.pub").path
    try "ssh-ed25519 \(Self.keys[0]) jari@laptop\n".write(
      toFile: keyFile, atomically: false, encoding: .utf8)
    let common = ["--store", store, "--authorized-keys", path]
    let added = try Binary.etjanst(["keys", "add", "chef.sbf", keyFile] + common)
    #expect(added.status == 0, "\(added)")
    // A key of a login since removed from the store's users, and an administrator's line.
    let gone =
      #"command="'/usr/local/bin/etjanst' --store '\#(store)' --user 'chef.gone'",restrict,pty"#
      + " ssh-ed25519 \(Self.keys[1]) gone@laptop\n"
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(("# kept as it is\n" + gone).utf8))
    try handle.close()

    var list = try Binary.etjanst(["keys", "list"] + common)
    #expect(list.status == 1, "\(list)")
    let lines = list.stdout.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("chef.sbf  Jari Kivijärvi  ssh-ed25519") }, "\(lines)")
    #expect(
      lines.contains {
        $0.hasPrefix("chef.gone  VARNING: chef.gone är inte användare i registret")
      }, "\(lines)")

    // --all-for LOGIN says the same in words; it takes no key file, and not a LOGIN too.
    let both = try Binary.etjanst(
      ["keys", "remove", "chef.gone", "--all-for", "chef.gone"] + common)
    #expect(both.status == 2 && both.stderr.contains("not both"), "\(both)")
    let removed = try Binary.etjanst(["keys", "remove", "--all-for", "chef.gone"] + common)
    #expect(removed.status == 0, "\(removed)")
    #expect(removed.stdout == "Tog bort 1 nyckel för chef.gone ur \(path)\n", "\(removed.stdout)")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("# kept as it is\n") && text.contains("--user 'chef.sbf'"), "\(text)")
    #expect(!text.contains("chef.gone"), "\(text)")
    list = try Binary.etjanst(["keys", "list"] + common)
    #expect(list.status == 0, "\(list)")

    // Nothing left for that login: said in one line, exit 1.
    let again = try Binary.etjanst(["keys", "remove", "chef.gone", "--lang", "en"] + common)
    #expect(again.status == 1, "\(again)")
    #expect(
      again.stderr == "etjanst: no key in authorized_keys is tied to chef.gone\n", "\(again.stderr)"
    )
    // One key by its file; then every key of the login.
    let one = try Binary.etjanst(["keys", "remove", "chef.sbf", keyFile, "--lang", "en"] + common)
    #expect(one.stdout == "Removed 1 key for chef.sbf from \(path)\n", "\(one)")
    #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("chef.sbf"))
  }

  @Test("keys list flags a removed member of staff who is still a user; an unread store is said")
  func removedStaffAndUnreadStore() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Binary.demoStore(in: folder)
    let path = folder.appendingPathComponent("authorized_keys").path
    // Marko Lahti is removed in the demo; make him a user (as if never taken off).
    let python = """
      import plistlib,sys
      p=sys.argv[1]; d=plistlib.load(open(p,'rb'))
      d['municipality']['users'].append({'login':'marko.lahti','name':'Marko Lahti','role':{'kind':'eCoordinator'}})
      plistlib.dump(d, open(p,'wb'))
      """
    let edited = try Binary.run("/usr/bin/env", ["python3", "-c", python, store])
    #expect(edited.status == 0, "\(edited.stderr)")
    let line =
      #"command="'/usr/local/bin/etjanst' --store '\#(store)' --user 'marko.lahti'",restrict,pty"#
      + " ssh-ed25519 \(Self.keys[0]) marko@laptop\n"
    try line.write(toFile: path, atomically: false, encoding: .utf8)
    let common = ["--store", store, "--authorized-keys", path, "--lang", "en"]
    let list = try Binary.etjanst(["keys", "list"] + common)
    #expect(list.status == 1, "\(list)")
    #expect(
      list.stdout.hasPrefix("marko.lahti  WARNING: marko.lahti has been removed from the staff"),
      "\(list.stdout)")
    // A store that cannot be read: the keys are still listed, and the reason said (exit 2).
    let missing = folder.appendingPathComponent("none.plist").path
    let unread = try Binary.etjanst(
      ["keys", "list", "--store", missing, "--authorized-keys", path, "--lang", "en"])
    #expect(unread.status == 2, "\(unread)")
    #expect(unread.stdout.hasPrefix("marko.lahti  (unknown)"), "\(unread.stdout)")
    #expect(unread.stderr.hasPrefix("etjanst: ") && unread.stderr.contains(missing), "\(unread)")
  }
}

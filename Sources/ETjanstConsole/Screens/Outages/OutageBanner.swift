import ETjanstDomain

/// One line about the outage under way, for the title or status line of every
/// screen, so an outage is never out of sight. Nil when nothing is under way.
/// Late is said in words ("FÖRSENAD"), not only in the danger colour.
public enum OutageBanner {
  public static func line(_ state: AppState) -> (text: String, role: Theme.Role)? {
    guard let outage = state.activeOutage else { return nil }
    let m = state.data
    let kind = outage.isDrill ? OutagesTexts.drill : OutagesTexts.outage
    let elapsed = Format.duration(outage.elapsed(at: state.now))
    let phone = m.contacts.systemAdministrator.phone
    // The key to the outage screen, as the keymap binds it where the line is shown.
    let key = state.keyNames[.screenOutages].map { " · \($0)" } ?? ""
    switch m.contactState(outage, at: state.now) {
    case .waiting:
      return (
        state.t(
          LocalizedText(
            sv: "! \(kind.sv.uppercased()) \(elapsed) · ring e-nämnden \(phone)\(key)",
            en: "! \(kind.en.uppercased()) \(elapsed) · call the e-nämnd \(phone)\(key)")), .warning
      )
    case .late:
      return (
        state.t(
          LocalizedText(
            sv:
              "! \(kind.sv.uppercased()) FÖRSENAD \(elapsed) · ingen kontakt med e-nämnden \(phone)\(key)",
            en:
              "! \(kind.en.uppercased()) LATE \(elapsed) · no contact with the e-nämnd \(phone)\(key)"
          )), .danger
      )
    case .contacted:
      return (
        state.t(
          LocalizedText(
            sv: "\(kind.sv.uppercased()) pågår \(elapsed) · e-nämnden kontaktad\(key)",
            en: "\(kind.en.uppercased()) under way \(elapsed) · e-nämnd contacted\(key)")), .accent
      )
    }
  }
}

import ETjanstDomain

/// The first form of a new or empty store: the municipality's name and whom to call
/// at Norrbottens e-nämnd, asked before anything else so that no store goes on
/// under another municipality's name. Sends `SetUpMunicipality`; Esc leaves it for
/// the next start, when it is asked again.
public enum SetUpForm {
  /// Opens the form when the store needs it and the user may edit.
  public static func openIfNeeded(_ state: inout AppState) {
    guard state.data.needsSetUp, !state.readOnly else { return }
    open(&state)
  }

  static func open(_ state: inout AppState) {
    let card = state.data.contacts.systemAdministrator
    let name = FormInput.text("name", SetUpTexts.municipalityName, required: true)
    let contact = FormInput.text(
      "systemAdministrator.name", AdminTexts.administratorField(AdminTexts.name), required: true)
    let phone = FormInput.text(
      "systemAdministrator.phone", AdminTexts.administratorField(AdminTexts.phone))
    let email = FormInput.text(
      "systemAdministrator.email", AdminTexts.administratorField(AdminTexts.email))
    state.overlays.append(
      FormOverlay(
        title: SetUpTexts.title,
        fields: [
          // The standing data's "Systemförvaltaren" is a role: the field starts empty,
          // so Enter after the municipality's name alone asks for the person.
          name.field(state.data.name), contact.field(card.personName), phone.field(card.phone),
          email.field(card.email),
        ]
      ) { values, _ in
        SetUpMunicipality(
          name: try values[name],
          contact: ContactCard(
            name: try values[contact], organisation: card.organisation,
            phone: try values[phone], email: try values[email]))
      })
  }
}

enum SetUpTexts {
  static let title = LocalizedText(
    sv: "Nytt register: kommunen och e-nämndens kontakt",
    en: "New store: the municipality and the e-nämnd's contact")
  static let municipalityName = LocalizedText(sv: "Kommunens namn", en: "Municipality's name")
}

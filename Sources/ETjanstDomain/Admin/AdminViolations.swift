// The administration's refusals, in words the e-coordinator understands.

extension RuleViolation {
  static func departmentExists(_ name: String) -> RuleViolation {
    RuleViolation(
      field: "name",
      LocalizedText(
        sv: "Det finns redan en förvaltning som heter '\(name)'.",
        en: "There is already a department called '\(name)'."))
  }

  static func departmentInUse(_ name: String, _ uses: DepartmentUses) -> RuleViolation {
    RuleViolation(
      section: "4",
      LocalizedText(
        sv:
          "\(name) kan inte tas bort: \(uses.listing.sv) hör till förvaltningen. Flytta eller ta bort dem först.",
        en:
          "\(name) cannot be removed: \(uses.listing.en) belong to the department. Move or remove them first."
      ))
  }

  static func userExists(_ login: String, _ name: String) -> RuleViolation {
    RuleViolation(
      field: "login",
      LocalizedText(
        sv: "Inloggningen '\(login)' finns redan (\(name)).",
        en: "The login '\(login)' already exists (\(name))."))
  }

  static func managerWithoutDepartment() -> RuleViolation {
    RuleViolation(
      field: "role",
      LocalizedText(
        sv: "En chef hör till en förvaltning som finns. Lägg till förvaltningen först.",
        en: "A manager belongs to an existing department. Add the department first."))
  }

  static func lastCoordinator(_ name: String) -> RuleViolation {
    RuleViolation(
      section: "4", field: "role",
      LocalizedText(
        sv:
          "\(name) är den enda e-samordnaren. Utan e-samordnare kan ingen ändra registret; gör någon annan till e-samordnare först.",
        en:
          "\(name) is the only e-coordinator. Without one nobody can change the store; make someone else e-coordinator first."
      ))
  }

  static func removingYourself() -> RuleViolation {
    RuleViolation(
      LocalizedText(
        sv: "Du kan inte ta bort din egen inloggning. Be en annan e-samordnare göra det.",
        en: "You cannot remove your own login. Ask another e-coordinator to do it."))
  }

  static func invalidPhone(_ field: String) -> RuleViolation {
    RuleViolation(
      field: field,
      LocalizedText(
        sv: "Bara siffror, mellanslag, + - och ().",
        en: "Only digits, spaces, + - and ()."))
  }

  static func invalidEmail(_ field: String) -> RuleViolation {
    RuleViolation(
      field: field,
      LocalizedText(
        sv: "En e-postadress, som namn@exempel.se.",
        en: "An e-mail address, such as name@example.se."))
  }

  static func outOfRange(
    _ field: String, section: String?, _ label: LocalizedText, _ range: ClosedRange<Int>,
    _ unit: LocalizedText
  ) -> RuleViolation {
    RuleViolation(
      section: section, field: field,
      LocalizedText(
        sv: "\(label.sv): \(range.lowerBound)–\(range.upperBound) \(unit.sv).",
        en: "\(label.en): \(range.lowerBound)–\(range.upperBound) \(unit.en)."))
  }
}

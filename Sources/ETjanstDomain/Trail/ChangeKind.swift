import Foundation

/// The kinds of change the trail records, as people name them. An entry's `kind` is
/// the command's type name (`GrantAccess`, `EditFields<EService>`), stable across
/// languages and versions, so old lines keep their meaning; people read and type the
/// words here ("Gav behörighet", "granted access"), in the console, `list audit` and
/// its `--kind`. A kind with no word here (a line from a later version) reads as its
/// name.
public enum ChangeKind {
  private typealias T = LocalizedText

  /// The word for a kind (a command's type name).
  public static func label(_ kind: String) -> LocalizedText {
    if let label = labels[kind] { return label }
    if kind.hasPrefix("EditFields<"), kind.hasSuffix(">") {
      let entity = String(kind.dropFirst("EditFields<".count).dropLast())
      if let noun = edited[entity] {
        return T(sv: "Ändrade \(noun.sv)", en: "Edited \(noun.en)")
      }
    }
    return T(verbatim: kind)
  }

  /// The kinds `word` names, in either language, ignoring case: the whole word, else
  /// every kind whose word contains it ("behörighet" → granted and revoked access).
  /// A kind's own name is taken too, so scripts written for the names still work, and
  /// so is a name this version does not know (`SomeCommand`, from a later version's
  /// lines). Empty when nothing matches.
  public static func kinds(named word: String, among known: some Sequence<String> = allKinds)
    -> Set<String>
  {
    let wanted = word.trimmingCharacters(in: .whitespaces).lowercased()
    guard !wanted.isEmpty else { return [] }
    let all = Set(known)
    if all.contains(word) { return [word] }
    func words(_ kind: String) -> [String] {
      let l = label(kind)
      return [l.sv.lowercased(), l.en.lowercased(), kind.lowercased()]
    }
    let exact = all.filter { words($0).contains(wanted) }
    if !exact.isEmpty { return exact }
    let part = all.filter { words($0).contains { $0.contains(wanted) } }
    if part.isEmpty, isName(word) { return [word] }
    return part
  }

  /// A command's type name: a capital, then letters, perhaps `<Entity>`.
  static func isName(_ word: String) -> Bool {
    word.range(of: #"^[A-Z][A-Za-z]*(<[A-Z][A-Za-z]*>)?$"#, options: .regularExpression) != nil
  }

  /// Every kind this version records.
  public static var allKinds: [String] {
    Array(labels.keys) + edited.keys.map { "EditFields<\($0)>" }
  }

  /// Each command's word, as the trail shows it (past tense: what was done).
  static let labels: [String: LocalizedText] = [
    "CreateStore": T(sv: "Skapade registret", en: "Created the store"),
    "ImportCases": T(sv: "Importerade ärenden", en: "Imported cases"),
    "ImportRows": T(sv: "Importerade rader", en: "Imported rows"),
    "AddStaffMember": T(sv: "Lade till personal", en: "Added staff"),
    "EditStaffMember": T(sv: "Ändrade personal", en: "Edited staff"),
    "TickChecklistStep": T(sv: "Bockade av checklista", en: "Ticked a checklist step"),
    "GrantAccess": T(sv: "Gav behörighet", en: "Granted access"),
    "RevokeAccess": T(sv: "Tog bort behörighet", en: "Revoked access"),
    "SetAccessOfMany": T(
      sv: "Gav eller avslutade behörighet för flera",
      en: "Granted or ended access for several people"),
    "RemoveFromPlatform": T(sv: "Tog bort från plattformen", en: "Removed from the platform"),
    "AddCase": T(sv: "Lade till ärende", en: "Added a case"),
    "CloseCase": T(sv: "Avslutade ärende", en: "Closed a case"),
    "TransferCase": T(sv: "Flyttade ärende", en: "Transferred a case"),
    "TransferAllCases": T(sv: "Flyttade alla ärenden", en: "Transferred all cases"),
    "EditSettings": T(sv: "Ändrade gränser", en: "Changed the limits"),
    "AddUser": T(sv: "Lade till användare", en: "Added a user"),
    "EditUser": T(sv: "Ändrade användare", en: "Edited a user"),
    "RemoveUser": T(sv: "Tog bort användare", en: "Removed a user"),
    "AddDepartment": T(sv: "Lade till förvaltning", en: "Added a department"),
    "RenameDepartment": T(sv: "Bytte namn på förvaltning", en: "Renamed a department"),
    "RemoveDepartment": T(sv: "Tog bort förvaltning", en: "Removed a department"),
    "EditContacts": T(sv: "Ändrade kontakter", en: "Edited the contacts"),
    "Gallra": T(sv: "Gallrade", en: "Gallring"),
    "HoldOrder": T(sv: "Pausade beställning", en: "Put an order on hold"),
    "ResumeOrder": T(sv: "Återupptog beställning", en: "Resumed an order"),
    "BuildFirstVersion": T(sv: "Byggde första versionen", en: "Built the first version"),
    "StartReview": T(sv: "Började granskning", en: "Started the review"),
    "PublishOrder": T(sv: "Publicerade beställning", en: "Published an order"),
    "BookReviewMeeting": T(sv: "Bokade granskningsmöte", en: "Booked a review meeting"),
    "AddReviewComment": T(sv: "Lade till granskningssynpunkt", en: "Added a review comment"),
    "ResolveReviewComment": T(sv: "Åtgärdade granskningssynpunkt", en: "Resolved a review comment"),
    "RecordAgreement": T(sv: "Registrerade överenskommelse", en: "Recorded the agreement"),
    "ReceiveOrder": T(sv: "Tog emot beställning", en: "Received an order"),
    "RegisterOrder": T(sv: "Registrerade beställning", en: "Registered an order"),
    "DeclareOutage": T(sv: "Anmälde avbrott", en: "Declared an outage"),
    "RecordOutageContact": T(sv: "Kontaktade e-nämnden", en: "Contacted the e-nämnd"),
    "NotifyDepartment": T(sv: "Meddelade förvaltning", en: "Notified a department"),
    "ResolveOutage": T(sv: "Avslutade avbrott", en: "Resolved an outage"),
    "SaveFallbackRoutine": T(sv: "Sparade reservrutin", en: "Saved a fallback routine"),
    "ReportServiceError": T(sv: "Rapporterade fel", en: "Reported an error"),
    "ResolveServiceReport": T(sv: "Åtgärdade felrapport", en: "Resolved a report"),
    "AddEService": T(sv: "Lade till e-tjänst", en: "Added an e-service"),
    "EditEService": T(sv: "Ändrade e-tjänst", en: "Edited an e-service"),
    "RemoveEService": T(sv: "Tog bort e-tjänst", en: "Removed an e-service"),
    "SetServiceStatus": T(sv: "Ändrade status", en: "Changed the status"),
    "MarkServiceReviewed": T(sv: "Granskade e-tjänst", en: "Reviewed an e-service"),
    "RegisterRunningEService": T(
      sv: "Registrerade e-tjänst i drift", en: "Registered a running e-service"),
    "Revert": T(sv: "Ångrade", en: "Undid a change"),
    "RestoreBackup": T(sv: "Återställde säkerhetskopia", en: "Restored a backup"),
    "ShareStore": T(sv: "Delade registret", en: "Shared the store"),
    "ShareWithManagers": T(
      sv: "Delade registret med cheferna", en: "Shared the store with managers"),
    "SetUpMunicipality": T(sv: "Lade upp kommunen", en: "Set up the municipality"),
    "GrantSigning": T(sv: "Gav signering", en: "Granted document signing"),
    "CommandSequence": T(sv: "Importerade rad", en: "Imported a row"),
    "FileRequest": T(sv: "Skickade begäran", en: "Filed a request"),
    "AcceptRequest": T(sv: "Tog emot begäran", en: "Accepted a request"),
    "DeclineRequest": T(sv: "Avböjde begäran", en: "Declined a request"),
    "SetQuitPreference": T(sv: "Valde sätt att avsluta", en: "Chose a way to quit"),
  ]

  /// The entities a field-by-field edit names (`EditFields<Entity>`).
  static let edited: [String: LocalizedText] = [
    "EService": T(sv: "e-tjänst", en: "an e-service"),
    "StaffMember": T(sv: "personal", en: "staff"),
    "Department": T(sv: "förvaltning", en: "a department"),
    "User": T(sv: "användare", en: "a user"),
    "Settings": T(sv: "gränser", en: "the limits"),
    "Contacts": T(sv: "kontakter", en: "the contacts"),
    "Case": T(sv: "ärende", en: "a case"),
    "ServiceOrder": T(sv: "beställning", en: "an order"),
    "ReviewMeeting": T(sv: "granskningsmöte", en: "a review meeting"),
    "ReviewComment": T(sv: "granskningssynpunkt", en: "a review comment"),
    "Outage": T(sv: "avbrott", en: "an outage"),
    "FallbackRoutine": T(sv: "reservrutin", en: "a fallback routine"),
    "Municipality": T(sv: "kommunen", en: "the municipality"),
    "ServiceRoles": T(sv: "roller", en: "roles"),
    "ServiceReport": T(sv: "felrapport", en: "a report"),
    "Request": T(sv: "begäran", en: "a request"),
    "AccessGrant": T(sv: "behörighet", en: "access"),
    "Checklist": T(sv: "checklista", en: "a checklist"),
    "ChecklistItem": T(sv: "checklistesteg", en: "a checklist step"),
    "Need": T(sv: "behov", en: "a need"),
    "RefusedOrder": T(sv: "avslagen beställning", en: "a refused order"),
    "ContactRecord": T(sv: "kontakt", en: "a contact"),
    "DepartmentNotice": T(sv: "meddelande", en: "a notice"),
    "ContactCard": T(sv: "kontaktkort", en: "a contact card"),
    "StatusChange": T(sv: "statusändring", en: "a status change"),
    "StepChange": T(sv: "stegbyte", en: "a step change"),
    "Agreement": T(sv: "överenskommelse", en: "an agreement"),
    "OrderHold": T(sv: "pausad eller avbruten beställning", en: "an order on hold or cancelled"),
  ]
}

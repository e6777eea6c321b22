import ETjanstDomain

/// The texts of the requests: the forms a manager files them with, and the list.
enum RequestTexts {
  typealias T = LocalizedText

  static let keyRequest = T(sv: "Begäran", en: "Request")
  static let keyRequestLeaver = T(sv: "Begär: slutar", en: "Ask: leaves")
  static let keyRequestAccess = T(sv: "Begär: behörighet", en: "Ask: access")
  static let helpNewEmployee = T(
    sv: "Be e-samordnaren om behörighet för en ny medarbetare (4.1)",
    en: "Ask the e-coordinator for a new employee's access (4.1)")
  static let helpLeaver = T(
    sv: "Meddela e-samordnaren att personen slutar (4.2)",
    en: "Tell the e-coordinator that the person leaves (4.2)")
  static let helpAccess = T(
    sv: "Be e-samordnaren lägga till eller avsluta personens behörighet till en e-tjänst",
    en: "Ask the e-coordinator to add or end the person's access to an e-service")
  static let helpError = T(
    sv: "Meddela e-samordnaren ett fel eller behov av revidering i e-tjänsten (4)",
    en: "Tell the e-coordinator of an error or a need for revision in the e-service (4)")
  static let helpList = T(
    sv: "Begäranden till e-samordnaren och deras läge",
    en: "Requests to the e-coordinator and their state")

  static let newEmployeeTitle = T(sv: "Begäran: ny medarbetare", en: "Request: new employee")
  static let leaverTitle = T(sv: "Begäran: slutar", en: "Request: leaver")
  static let accessTitle = T(sv: "Begäran: behörighet", en: "Request: access")
  static let errorTitle = T(sv: "Begäran: fel eller revidering", en: "Request: error or revision")
  static let acceptTitle = T(sv: "Acceptera begäran", en: "Accept the request")
  static let declineTitle = T(sv: "Avböj begäran", en: "Decline the request")
  static let listTitle = T(sv: "Begäranden", en: "Requests")

  static let name = T(sv: "Namn", en: "Name")
  static let login = T(sv: "Inloggning (om känd)", en: "Login (if known)")
  static let acceptLogin = T(sv: "Inloggning", en: "Login")
  static let start = T(sv: "Startdatum", en: "Start date")
  static let services = T(sv: "E-tjänster", en: "E-services")
  static let signing = T(sv: "Dokumentsignering", en: "Document signing")
  static let lastDay = T(sv: "Sista dag", en: "Last day")
  static let service = T(sv: "E-tjänst", en: "E-service")
  static let ends = T(sv: "Avsluta behörigheten", en: "End the access")
  static let text = T(sv: "Beskrivning", en: "Description")
  static let urgent = T(sv: "Brådskande", en: "Urgent")
  static let reason = T(sv: "Skäl", en: "Reason")

  static let keyAccept = T(sv: "Acceptera", en: "Accept")
  static let keyDecline = T(sv: "Avböj", en: "Decline")
  static let keyShow = T(sv: "Visa", en: "Show")
  static let keyRequests = T(sv: "Begäranden", en: "Requests")
  static let nothingYet = T(
    sv: "Begäran har inte blivit något ännu: den väntar på svar eller är avböjd.",
    en: "Nothing has come of the request yet: it waits for an answer or was declined.")
  static let revision = T(sv: "Revidering, inte fel", en: "Revision, not an error")
  static let noRequests = T(sv: "Inga begäranden.", en: "No requests.")
  static let notOpen = T(
    sv: "Begäran är redan besvarad.", en: "The request has already been answered.")

  static let columnKind = T(sv: "Typ", en: "Kind")
  static let columnState = T(sv: "Läge", en: "State")
  static let columnSender = T(sv: "Avsändare", en: "Sender")
  static let columnSubject = T(sv: "Gäller", en: "Subject")
  static let columnDays = T(sv: "Dagar", en: "Days")

  /// "Blev: Nina Ny · introduktion (4.1) 1 av 3 klara" at the top of a request.
  static func became(_ outcome: T) -> T {
    T(sv: "Blev: \(outcome.sv)", en: "Became: \(outcome.en)")
  }

  /// "3 begäranden väntar på svar" for the overview.
  static func waiting(_ n: Int) -> T {
    let c = Noun.request.count(n)
    return T(sv: "\(c.sv) väntar på svar", en: "\(c.en) waiting for an answer")
  }

  /// The open cases a leaver still has, as 4.2 asks the manager to see to them.
  static func openCases(_ n: Int) -> T {
    let c = Noun.case.count(n, .open)
    return n == 0
      ? T(sv: "Inga pågående ärenden.", en: "No ongoing cases.")
      : T(
        sv: "\(c.sv): avsluta eller för över dem före sista dagen (4.2).",
        en: "\(c.en): close or transfer them before the last day (4.2).")
  }
}

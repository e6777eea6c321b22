/// The catalogue's words, in both languages, for the console, the command line and
/// the rules' messages alike: status labels as Open ePlatform's administration
/// shows them, the named roles of guideline 4, audiences and report kinds.
extension ServiceStatus {
  public var label: LocalizedText {
    switch self {
    case .ordered: return LocalizedText(sv: "Beställd", en: "Ordered")
    case .inDevelopment: return LocalizedText(sv: "Under utveckling", en: "In development")
    case .inReview: return LocalizedText(sv: "Granskas", en: "In review")
    case .published: return LocalizedText(sv: "Publicerad", en: "Published")
    case .revisionNeeded: return LocalizedText(sv: "Revidering behövs", en: "Revision needed")
    case .unpublished: return LocalizedText(sv: "Avpublicerad", en: "Unpublished")
    }
  }

  /// Position in the life of an e-service, for sorting by status.
  public var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

  /// In use by citizens or staff: the statuses a review and a report concern.
  public var isLive: Bool { self == .published || self == .revisionNeeded }
}

extension Audience {
  public var label: LocalizedText {
    switch self {
    case .external: return LocalizedText(sv: "Extern", en: "External")
    case .internal: return LocalizedText(sv: "Intern", en: "Internal")
    }
  }
}

extension ReportKind {
  public var label: LocalizedText {
    switch self {
    case .error: return LocalizedText(sv: "Fel", en: "Error")
    case .revisionNeed: return LocalizedText(sv: "Revideringsbehov", en: "Revision need")
    }
  }
}

/// The named roles of an e-service (guideline 4; Open ePlatform's management
/// information), as a list so forms, the detail view and exports walk them alike.
public enum ServiceRole: String, CaseIterable, Sendable {
  case processOwner
  case serviceOwner
  case informationOwner
  case dataController
  case contactPerson

  public var keyPath: WritableKeyPath<ServiceRoles, PersonRef?> {
    switch self {
    case .processOwner: return \.processOwner
    case .serviceOwner: return \.serviceOwner
    case .informationOwner: return \.informationOwner
    case .dataController: return \.dataController
    case .contactPerson: return \.contactPerson
    }
  }

  /// Other headers an import reads the role from: Open ePlatform's administration
  /// labels.
  public var importNames: [String] {
    switch self {
    case .serviceOwner: return ["e-tjänstansvarig", "e-tjänsteansvarig", "e-service manager"]
    case .processOwner: return ["processansvarig"]
    case .informationOwner, .dataController, .contactPerson: return []
    }
  }

  public var label: LocalizedText {
    switch self {
    case .processOwner: return LocalizedText(sv: "Processägare", en: "Process owner")
    case .serviceOwner: return LocalizedText(sv: "E-tjänsteägare", en: "E-service owner")
    case .informationOwner: return LocalizedText(sv: "Informationsägare", en: "Information owner")
    case .dataController:
      return LocalizedText(sv: "Personuppgiftsansvarig", en: "Personal-data controller")
    case .contactPerson: return LocalizedText(sv: "Kontaktperson", en: "Contact person")
    }
  }
}

import ETjanstDomain

/// The new-order form, followed — when step 2's rule refused the order for the way
/// it came in — by the message to pass on to the department, with the address of
/// "Beställning av e-tjänst". The refusal itself is saved by the command.
struct OrderIntakeOverlay: Overlay {
  var form: FormOverlay
  var message: MessageOverlay?
  /// The refusal the submitted command will record, if any.
  var pending: LocalizedText?

  init(_ form: FormOverlay) { self.form = form }

  var hasUnsavedChanges: Bool { form.hasUnsavedChanges }
  var awaitsResult: Bool { form.awaitsResult }

  mutating func handle(_ key: Key, state: AppState) -> OverlayOutcome {
    if var message {
      let outcome = message.handle(key, state: state)
      self.message = message
      return outcome
    }
    let outcome = form.handle(key, state: state)
    if case .stayAnd(let effects) = outcome {
      pending = nil
      for case .perform(let command) in effects {
        if let receive = command as? ReceiveOrder {
          pending = receive.refusal(state.data.contacts)?.message
        }
      }
    }
    return outcome
  }

  mutating func commandFinished(_ result: Result<Change, any Error>) -> Bool {
    let close = form.commandFinished(result)
    if close, let pending {
      message = MessageOverlay(title: OrdersTexts.refusedOrderTitle, text: pending)
      return false
    }
    return close
  }

  func draw(_ state: AppState, into frame: inout Frame, area: Rect) {
    if let message {
      message.draw(state, into: &frame, area: area)
    } else {
      form.draw(state, into: &frame, area: area)
    }
  }

  var showsOwnFailures: Bool { message == nil }

  func bindings(_ state: AppState) -> [OverlayKey] {
    message?.bindings(state) ?? form.bindings(state)
  }

  func cursor(_ state: AppState, area: Rect) -> (x: Int, y: Int)? {
    message == nil ? form.cursor(state, area: area) : nil
  }
}

import ETjanstDomain
import ETjanstResources
import Foundation
import TestSupport
import Testing

@testable import ETjanstConsole

/// The staff list is filtered over search texts made ready once per data change; it
/// must let through exactly what filtering each row's text afresh lets through.
@Suite struct FilterTests {
  @Test("the staff filter over prepared texts gives the plain filter's rows, in order")
  func preparedTextsFilterAlike() {
    let coordinator = User(login: "esamordnare", name: "E", role: .eCoordinator)
    var m = Synthetic.municipality(.municipality, coordinator: coordinator, now: Fixtures.now)
    m.staff[0].name = "Åsa Öberg-Straße"
    var state = AppState(data: m, user: coordinator, now: Fixtures.now)
    state.screen = .staff
    let table = StaffListView.table(state)
    var unfiltered = state.staffScreen.list
    unfiltered.filter = ""
    let sorted = table.visibleRows(m.staff(in: nil), unfiltered)
    for filter in ["a", "an", "ANNA", "ö", "åsa ö", "strasse", "straße", "zz", "  a  "] {
      state.staffScreen.list.filter = filter
      let plain = sorted.filter { state.staffScreen.list.matches(table.searchText($0)) }
      #expect(StaffListView.rows(state).map(\.id) == plain.map(\.id), "\(filter)")
    }
    state.staffScreen.list.filter = "a"
    #expect(StaffListView.rows(state).count > 10)
  }
}

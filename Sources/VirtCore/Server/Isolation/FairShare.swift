/// Max-min fair sharing with weights (water-filling): the scheduler model of
/// both an OS (every runnable thread weight 1) and Xen's credit scheduler
/// (VMs with weights, demands clipped by their caps). Work-conserving: what one
/// claimant does not use goes to the others in proportion to their weights.
struct Claim {
    /// Demand of one unit (a thread, a VM), in CPUs.
    var demand: Double
    /// Weight of one unit.
    var weight: Double
    /// Identical units (threads of one app).
    var count: Int
}

/// The grant per unit of each claim, in the claims' order.
func fairShare(_ claims: [Claim], capacity: Double) -> [Double] {
    var grants = Array(repeating: 0.0, count: claims.count)
    var remaining = max(0, capacity)
    var weight = claims.reduce(0.0) { $0 + $1.weight * Double($1.count) }
    let order = claims.indices.filter { claims[$0].count > 0 && claims[$0].weight > 0 }
        .sorted { claims[$0].demand / claims[$0].weight < claims[$1].demand / claims[$1].weight || (claims[$0].demand / claims[$0].weight == claims[$1].demand / claims[$1].weight && $0 < $1) }
    var level: Double?
    for i in order {
        let claim = claims[i]
        if let level { grants[i] = min(claim.demand, level * claim.weight); continue }
        let share = weight > 0 ? remaining / weight : 0
        if claim.demand <= share * claim.weight {
            grants[i] = claim.demand
            remaining -= claim.demand * Double(claim.count)
            weight -= claim.weight * Double(claim.count)
        } else {
            level = share
            grants[i] = share * claim.weight
        }
    }
    return grants
}

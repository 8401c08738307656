/// `value` rounded to `decimals` decimals: the difference or sum of figures published with
/// d decimals is exact at d decimals, and printing 0.06 beats 0.05999999999999872.
func rounded(_ value: Double, decimals: Int) -> Double {
    var scale = 1.0
    for _ in 0..<max(0, min(decimals, 12)) { scale *= 10 }
    return (value * scale).rounded() / scale
}

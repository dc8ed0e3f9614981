proc main {} { set x 0
for {set i 0} {$i < 1000000} {incr i} { if {$i % 3 == 0} { incr x $i } }
puts $x }
main

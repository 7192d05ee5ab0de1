// Vector generator for bloomfit: wyhash v3 via github.com/zeebo/wyhash (Debian golang-github-zeebo-wyhash-dev 0.0.1-3).
// Run from this folder: apt-get install -y golang-go golang-github-zeebo-wyhash-dev;
// GOPATH=/usr/share/gocode GO111MODULE=off go run wyhash_main.go
package main

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"os"
	"strconv"

	"github.com/zeebo/wyhash"
)

func read(name string) []int64 {
	f, _ := os.Open(name)
	defer f.Close()
	var out []int64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		v, err := strconv.ParseInt(sc.Text(), 10, 64)
		if err != nil {
			panic(err)
		}
		out = append(out, v)
	}
	return out
}

func main() {
	for _, k := range read("keys.txt") {
		for _, s := range read("seeds.txt") {
			b := make([]byte, 8)
			binary.LittleEndian.PutUint64(b, uint64(k))
			fmt.Printf("wyhash %d %d 0x%016xL\n", k, s, wyhash.Hash(b, uint64(s)))
		}
	}
}

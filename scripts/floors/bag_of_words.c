/*
 * The floor under voc's sentiment speed: the least a lexicon classifier can do, in C.
 *
 * Each text (one per line) is cut into words at bytes that are not ASCII letters, `'` or non-ASCII; each word is
 * lower-cased (ASCII only) and looked up once in an open-addressing hash table of every language's lexicon; the
 * valences are summed and normalised like VADER's compound. No language identification, accent folding, negation,
 * boosters, phrases, contrast, punctuation, emoji, signals or trace: everything voc's classifier does beyond this
 * costs time on top of it.
 *
 *   cc -O2 -o bag_of_words bag_of_words.c -lm
 *   ./bag_of_words LEXICON.tsv TEXTS.txt [REPEATS]
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SLOTS (1 << 16)

static char *slot_word[SLOTS];
static size_t slot_length[SLOTS];
static double slot_valence[SLOTS];

static uint64_t fnv1a(const unsigned char *bytes, size_t length) {
    uint64_t hash = 1469598103934665603ULL;
    for (size_t i = 0; i < length; i++) { hash ^= bytes[i]; hash *= 1099511628211ULL; }
    return hash;
}

static void insert(const char *word, double valence) {
    size_t length = strlen(word);
    uint64_t slot = fnv1a((const unsigned char *)word, length) & (SLOTS - 1);
    while (slot_word[slot]) {
        if (slot_length[slot] == length && !memcmp(slot_word[slot], word, length)) return;  /* first entry wins */
        slot = (slot + 1) & (SLOTS - 1);
    }
    slot_word[slot] = strdup(word);
    slot_length[slot] = length;
    slot_valence[slot] = valence;
}

static double valence(const unsigned char *word, size_t length) {
    uint64_t slot = fnv1a(word, length) & (SLOTS - 1);
    while (slot_word[slot]) {
        if (slot_length[slot] == length && !memcmp(slot_word[slot], word, length)) return slot_valence[slot];
        slot = (slot + 1) & (SLOTS - 1);
    }
    return 0;
}

static int is_word_byte(unsigned char byte) {
    return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || byte >= 0x80 || byte == '\'';
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s LEXICON.tsv TEXTS.txt [REPEATS]\n", argv[0]); return 2; }
    int repeats = argc > 3 ? atoi(argv[3]) : 5;
    FILE *file = fopen(argv[1], "r");
    if (!file) { perror(argv[1]); return 1; }
    char line[4096], word[256];
    double entry;
    while (fgets(line, sizeof line, file)) {
        if (line[0] != '#' && sscanf(line, "%255[^\t]\t%lf", word, &entry) == 2) insert(word, entry);
    }
    fclose(file);

    file = fopen(argv[2], "rb");
    if (!file) { perror(argv[2]); return 1; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *text = malloc(size);
    if (fread(text, 1, size, file) != (size_t)size) { perror(argv[2]); return 1; }
    fclose(file);

    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    long texts = 0;
    double checksum = 0;
    for (int repeat = 0; repeat < repeats; repeat++) {
        unsigned char buffer[256];
        size_t length = 0;
        double sum = 0;
        for (long i = 0; i < size; i++) {
            unsigned char byte = text[i];
            if (is_word_byte(byte)) {
                if (length < sizeof buffer) buffer[length++] = (byte >= 'A' && byte <= 'Z') ? byte + 32 : byte;
                continue;
            }
            if (length) { sum += valence(buffer, length); length = 0; }
            if (byte == '\n') { checksum += sum / sqrt(sum * sum + 15); sum = 0; texts++; }
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    printf("%ld texts, %.1f MB in %.3f s: %.0f texts/s, %.1f MB/s (bag of words in C, one core; checksum %.4f)\n",
           texts, repeats * size / 1e6, seconds, texts / seconds, repeats * size / 1e6 / seconds, checksum);
    return 0;
}

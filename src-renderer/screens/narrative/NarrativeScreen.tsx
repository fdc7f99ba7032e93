export function NarrativeScreen() {
  return (
    <section aria-label="情况说明">
      <h2>情况说明</h2>
    </section>
  );
}
